/**
 * The finance desk (签批台): cases waiting for the caller's sign-off, filtered and paged, approved
 * one by one or many at once (each case in its own transaction through {@code AidCases.approve},
 * segregation of duties checked per case), and the sign-off panel that shows what the decision
 * needs: masked card and bank, the hardship file, the worker's year against both caps, the fund
 * source's raised / approved / paid and what is left.
 */
package cn.warmth.approvals;
