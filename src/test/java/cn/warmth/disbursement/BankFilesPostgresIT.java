package cn.warmth.disbursement;

import cn.warmth.support.PostgresTest;

@PostgresTest
class BankFilesPostgresIT extends BankFilesContract {}
