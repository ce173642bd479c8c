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

  @Test
  void defaultBundleIsChinese() throws IOException {
    assertThat(load("messages.properties").getProperty("nav.home")).isEqualTo("我的待办");
  }
}
