package cn.warmth.registry;

import cn.warmth.support.H2Test;

@H2Test
class FilingProcessTest extends FilingProcessContract {}
