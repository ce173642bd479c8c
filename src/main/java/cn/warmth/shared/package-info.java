/**
 * Shared kernel: the signed-in principal, roles, the error model behind problem+json and a few
 * value helpers. Open to every module; it depends on none of them.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.warmth.shared;
