package cn.warmth.workflow;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine starts after Flyway: its tables come from the migrations ({@link V41__EngineSchema}),
 * and with {@code schema-update: false} an engine built first would find none and stop.
 */
@Configuration(proxyBeanMethods = false)
class EngineAfterMigrations {
  static final String ENGINE = "processEngineFactoryBean";
  static final String FLYWAY = "flywayInitializer";

  @Bean
  static BeanFactoryPostProcessor engineDependsOnFlyway() {
    return new BeanFactoryPostProcessor() {
      @Override
      public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) throws BeansException {
        if (factory.containsBeanDefinition(ENGINE) && factory.containsBeanDefinition(FLYWAY)) {
          BeanDefinition engine = factory.getBeanDefinition(ENGINE);
          String[] before = engine.getDependsOn();
          String[] after = before == null ? new String[] {FLYWAY} : append(before, FLYWAY);
          engine.setDependsOn(after);
        }
      }
    };
  }

  private static String[] append(String[] a, String s) {
    String[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = s;
    return out;
  }
}
