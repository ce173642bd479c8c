package cn.warmth.campaign;

import cn.warmth.support.H2Test;

@H2Test
class CampaignOwnershipTest extends CampaignOwnershipContract {}
