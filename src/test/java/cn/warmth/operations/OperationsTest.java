package cn.warmth.operations;

import cn.warmth.support.H2Test;

@H2Test
class OperationsTest extends OperationsContract {}
