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

  /**
   * Tomcat refuses an encoded slash ({@code %2F}) in a path before the application, with its own
   * HTML page; passed through, Spring Security's firewall refuses it instead, as a 400 that the
   * error path answers as problem+json ({@code /api/**}) or as the error page.
   */
  @Bean
  org.springframework.boot.web.server.WebServerFactoryCustomizer<
      org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory> encodedSlashToTheFirewall() {
    return factory -> factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling(
        org.apache.tomcat.util.buf.EncodedSolidusHandling.PASS_THROUGH.getValue()));
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
