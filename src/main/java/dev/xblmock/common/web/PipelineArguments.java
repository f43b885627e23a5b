package dev.xblmock.common.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers {@link PipelineArgumentResolver} with Spring MVC. */
@Configuration(proxyBeanMethods = false)
public class PipelineArguments implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new PipelineArgumentResolver());
    }
}
