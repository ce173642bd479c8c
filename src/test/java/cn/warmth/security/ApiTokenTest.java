package cn.warmth.security;

import cn.warmth.support.H2Test;

@H2Test
class ApiTokenTest extends ApiTokenContract {}
