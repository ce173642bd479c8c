package cn.warmth.disbursement;

import cn.warmth.support.H2Test;

@H2Test
class BankFilesApiTest extends BankFilesContract {}
