package cn.warmth.campaign;

/** Published inside the transaction that created a campaign. */
public record CampaignCreated(CampaignView campaign) {}
