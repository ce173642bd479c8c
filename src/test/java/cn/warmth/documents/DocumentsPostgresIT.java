package cn.warmth.documents;

import cn.warmth.support.PostgresTest;

@PostgresTest
class DocumentsPostgresIT extends DocumentsContract {}
