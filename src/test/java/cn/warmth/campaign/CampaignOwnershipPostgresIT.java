package cn.warmth.campaign;

import cn.warmth.support.PostgresTest;

@PostgresTest
class CampaignOwnershipPostgresIT extends CampaignOwnershipContract {}
