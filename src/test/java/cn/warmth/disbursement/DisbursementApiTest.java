package cn.warmth.disbursement;

import cn.warmth.support.H2Test;

@H2Test
class DisbursementApiTest extends DisbursementContract {}
