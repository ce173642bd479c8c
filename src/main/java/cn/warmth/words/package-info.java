/**
 * Words, not codes: what pages show in place of the codes records carry — a unit's name for
 * its code, a person's display name for their login, a campaign's name for its code. Only
 * templates use it ({@code ${@words.unit(c.orgCode)}}); no module depends on it.
 */
package cn.warmth.words;
