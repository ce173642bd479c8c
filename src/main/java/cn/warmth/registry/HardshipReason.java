package cn.warmth.registry;

/** 致困原因, the coded list of domain.md §4. The API speaks the codes, the pages the Chinese words. */
public enum HardshipReason {
  UNEMPLOYMENT, SERIOUS_ILLNESS, CHILD_EDUCATION, DISABILITY, DISASTER, ACCIDENT, FAMILY_ILLNESS, LOW_INCOME,
  SINGLE_PARENT, OTHER
}
