package cn.warmth.workflow;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;

/** Puts {@link WorkflowCommand} methods behind their interceptor, outside the transaction. */
@Configuration(proxyBeanMethods = false)
class WorkflowConfig {
  /** Before (outside) the transaction advisor, which has the lowest precedence. */
  static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

  @Bean
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  static WorkflowCommandInterceptor workflowCommandInterceptor(ObjectProvider<EngineUser> engineUser) {
    return new WorkflowCommandInterceptor(engineUser);
  }

  @Bean
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  static Advisor workflowCommandAdvisor(WorkflowCommandInterceptor interceptor) {
    DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
        AnnotationMatchingPointcut.forMethodAnnotation(WorkflowCommand.class), interceptor);
    advisor.setOrder(ORDER);
    return advisor;
  }
}
