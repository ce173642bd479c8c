package cn.warmth.organisation;

/** Published inside the transaction whenever a user is created or changed. */
public record UserSaved(UserView user) {}
