package cn.warmth.documents;

import cn.warmth.support.H2Test;

@H2Test
class DocumentsApiTest extends DocumentsContract {}
