package cn.warmth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text exists in Chinese and in English. */
class MessagesTest {
  static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (var in = new InputStreamReader(MessagesTest.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return p;
  }

  @Test
  void chineseAndEnglishHaveTheSameKeys() throws IOException {
    Properties zh = load("messages.properties");
    Properties en = load("messages_en.properties");
    assertThat(zh.stringPropertyNames()).isNotEmpty();
    assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(zh.stringPropertyNames());
  }

  /** A key written twice (easy when two branches add the same one) silently keeps only the last text. */
  @Test
  void noKeyIsDefinedTwice() throws IOException {
    for (String name : java.util.List.of("messages.properties", "messages_en.properties")) {
      java.util.Map<String, Integer> seen = new java.util.HashMap<>();
      java.util.List<String> twice = new java.util.ArrayList<>();
      Properties recorder = new Properties() {
        @Override
        public synchronized Object put(Object key, Object value) {
          if (seen.merge((String) key, 1, Integer::sum) == 2) {
            twice.add((String) key);
          }
          return super.put(key, value);
        }
      };
      try (var in = new InputStreamReader(MessagesTest.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
        recorder.load(in);
      }
      assertThat(twice).as(name + ": keys defined more than once").isEmpty();
    }
  }

  @Test
  void defaultBundleIsChinese() throws IOException {
    assertThat(load("messages.properties").getProperty("nav.home")).isEqualTo("我的待办");
  }
}
