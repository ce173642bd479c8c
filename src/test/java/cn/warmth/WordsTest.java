package cn.warmth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.warmth.activities.ActivityKind;
import cn.warmth.cases.AidCategory;
import cn.warmth.cases.ApprovalStep;
import cn.warmth.cases.Assistance;
import cn.warmth.cases.CaseStatus;
import cn.warmth.cases.FundSource;
import cn.warmth.cases.PaymentMethod;
import cn.warmth.cases.PaymentStatus;
import cn.warmth.cases.VisitStatus;
import cn.warmth.disbursement.BatchStatus;
import cn.warmth.evidence.AttachmentKind;
import cn.warmth.inbox.Inbox;
import cn.warmth.organisation.OrgType;
import cn.warmth.registry.CloseReason;
import cn.warmth.registry.EmploymentType;
import cn.warmth.registry.FileStatus;
import cn.warmth.registry.HardshipCategory;
import cn.warmth.registry.HardshipReason;
import cn.warmth.reports.ReportStatus;
import cn.warmth.shared.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Words, not codes, in both languages: every status, badge, category, task and timeline word the
 * pages show has its text in Chinese and in English, and the English texts are English (a page in
 * English shows no Chinese but the data).
 */
class WordsTest {
  static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");

  final Properties zh = load("messages.properties");
  final Properties en = load("messages_en.properties");

  WordsTest() throws IOException {}

  static Properties load(String name) throws IOException {
    return MessagesTest.load(name);
  }

  /** Message prefix → the enum whose every value the pages show with it. */
  static Map<String, Class<? extends Enum<?>>> shown() {
    Map<String, Class<? extends Enum<?>>> m = new LinkedHashMap<>();
    m.put("caseStatus.", CaseStatus.class);
    m.put("visitStatus.", VisitStatus.class);
    m.put("paymentStatus.", PaymentStatus.class);
    m.put("paymentMethod.", PaymentMethod.class);
    m.put("fundSource.", FundSource.class);
    m.put("aidCategory.", AidCategory.class);
    m.put("aidCategory.short.", AidCategory.class);
    m.put("assistance.", Assistance.class);
    m.put("approvalStep.", ApprovalStep.class);
    m.put("fileStatus.", FileStatus.class);
    m.put("category.", HardshipCategory.class);
    m.put("reason.", HardshipReason.class);
    m.put("closeReason.", CloseReason.class);
    m.put("employment.", EmploymentType.class);
    m.put("reportStatus.", ReportStatus.class);
    m.put("batchStatus.", BatchStatus.class);
    m.put("activityKind.", ActivityKind.class);
    m.put("attachmentKind.", AttachmentKind.class);
    m.put("orgType.", OrgType.class);
    m.put("role.", Role.class);
    m.put("urgency.", Inbox.Urgency.class);
    return m;
  }

  @Test
  void everyStatusCategoryAndBadgeHasItsWordsInBothLanguages() {
    List<String> missing = new ArrayList<>();
    shown().forEach((prefix, type) -> {
      for (Enum<?> v : type.getEnumConstants()) {
        for (Properties bundle : List.of(zh, en)) {
          if (bundle.getProperty(prefix + v.name()) == null) {
            missing.add((bundle == zh ? "zh " : "en ") + prefix + v.name());
          }
        }
      }
    });
    assertThat(missing).isEmpty();
  }

  /** The inbox names each kind of task and each task (work.*) in words; so does every BPMN user task, in both languages. */
  @Test
  void everyUserTaskOfEveryProcessHasItsNameAndItsInboxTitle() throws IOException {
    Pattern process = Pattern.compile("<bpmn:process id=\"([^\"]+)\"");
    Pattern task = Pattern.compile("<bpmn:userTask id=\"([^\"]+)\"");
    List<String> missing = new ArrayList<>();
    int tasks = 0;
    try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        String xml = Files.readString(model);
        Matcher p = process.matcher(xml);
        assertThat(p.find()).as(model.toString()).isTrue();
        Matcher t = task.matcher(xml);
        while (t.find()) {
          tasks++;
          for (String key : List.of("taskKind." + t.group(1), "work." + p.group(1) + "." + t.group(1))) {
            if (zh.getProperty(key) == null || en.getProperty(key) == null) {
              missing.add(key);
            }
          }
        }
      }
    }
    assertThat(tasks).isGreaterThanOrEqualTo(10);
    assertThat(missing).isEmpty();
  }

  /** Every step the audit log records has its words (the audit page shows them beside the code). */
  @Test
  void everyAuditedActionHasItsWords() throws IOException {
    Pattern recorded = Pattern.compile("audit\\.record\\(\"([A-Z_]+)\",");
    List<String> missing = new ArrayList<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = recorded.matcher(Files.readString(source));
        while (m.find()) {
          String key = "audit.action." + m.group(1);
          if ((zh.getProperty(key) == null || en.getProperty(key) == null) && !missing.contains(key)) {
            missing.add(key);
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void theEnglishTextsAreEnglish() {
    List<String> chinese = en.stringPropertyNames().stream().filter(k -> CJK.matcher(en.getProperty(k)).find()).sorted()
        .toList();
    assertThat(chinese).as("English texts with Chinese characters").isEmpty();
  }

  /**
   * In a text with arguments ({0}) a single apostrophe starts a quotation and swallows the rest
   * (the English file page once read "Units 低保 standard {0}"): write it twice there.
   */
  @Test
  void textsWithArgumentsDoubleTheirApostrophes() {
    List<String> broken = new ArrayList<>();
    for (Properties bundle : List.of(zh, en)) {
      for (String k : bundle.stringPropertyNames()) {
        String v = bundle.getProperty(k);
        if (v.matches("(?s).*\\{\\d.*") && v.replace("''", "").contains("'")) {
          broken.add(k);
        }
      }
    }
    assertThat(broken).isEmpty();
  }
}
