package cn.warmth.loadgen;

import cn.warmth.support.H2Test;

@H2Test
class ProvinceFillTest extends ProvinceFillContract {}
