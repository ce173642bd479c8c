package cn.warmth.shared;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Simplified Chinese by default; {@code ?lang=en} switches to English and a cookie remembers it.
 * Integers in paths and query strings are read strictly.
 */
@Configuration
class WebConfig implements WebMvcConfigurer {
  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("warmth-lang");
    resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    return resolver;
  }

  /** Path variables and request parameters: strict ASCII integers (see {@link Integers}). */
  @Override
  public void addFormatters(org.springframework.format.FormatterRegistry registry) {
    registry.addConverter(String.class, Long.class, new Integers.ToLong());
    registry.addConverter(String.class, Integer.class, new Integers.ToInteger());
  }

  /** List calls declare a {@link PageParams} parameter: page and size read and checked once. */
  @Override
  public void addArgumentResolvers(java.util.List<org.springframework.web.method.support.HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(Paging.resolver());
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor change = new LocaleChangeInterceptor();
    change.setParamName("lang");
    registry.addInterceptor(change);
  }
}
