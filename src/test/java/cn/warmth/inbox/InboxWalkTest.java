package cn.warmth.inbox;

import cn.warmth.support.H2Test;

@H2Test
class InboxWalkTest extends InboxWalkContract {}
