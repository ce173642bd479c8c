package cn.warmth.shared;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the API reads JSON (decisions.md, "Strict input"): integers only from JSON integers (no
 * 1.5, no "1", no 1.0); booleans only from true/false; every string free of control, bidi and
 * zero-width characters; no duplicate keys, nothing after the document; at most 64 levels of
 * nesting and 1,000,000 characters per string. Numbers sent for text fields (amounts) arrive as
 * their JSON text, so that {@link Money} reads "1e3" and "12.345" by one strict rule.
 */
@Configuration(proxyBeanMethods = false)
class JsonStrictness {
  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJson() {
    return builder -> builder
        .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
            JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .modulesToInstall(new SimpleModule("warmth-safe-strings").addDeserializer(String.class, new SafeStrings()))
        .postConfigurer(mapper -> {
          mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(64).maxStringLength(1_000_000).maxNumberLength(100).build());
          for (LogicalType t : new LogicalType[] {LogicalType.Integer, LogicalType.Boolean}) {
            mapper.coercionConfigFor(t)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
          }
          mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        });
  }

  /** Jackson's own string reading, then the characters no field may hold. */
  static final class SafeStrings extends StdScalarDeserializer<String> {
    SafeStrings() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String s = StringDeserializer.instance.deserialize(p, ctxt);
      if (!Texts.isSafe(s)) {
        throw new InvalidText(p);
      }
      return s;
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.Textual;
    }

    @Override
    public boolean isCachable() {
      return true;
    }
  }

  /** A string with characters refused everywhere; reported as the field's INVALID_TEXT. */
  static final class InvalidText extends MismatchedInputException {
    InvalidText(JsonParser p) {
      super(p, "text with control, bidi or zero-width characters", String.class);
    }
  }
}
