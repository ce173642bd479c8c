package cn.warmth.documents;

import cn.warmth.evidence.AttachmentView;
import cn.warmth.registry.HardshipFileView;
import cn.warmth.registry.HardshipReason;
import cn.warmth.registry.WorkerView;
import cn.warmth.registry.HardshipFiles;
import cn.warmth.statistics.OfficialSheets;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The PDFs (OpenPDF, A4, the CJK font embedded as a subset): the same content as the print
 * views, laid out like the paper forms unions use — title, unit and dates, the table, totals,
 * and the signature lines at the foot. Always in Chinese: they are the official forms.
 */
@Component
class PdfDocuments {
  private static final DateTimeFormatter CN_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
  private final CjkFont cjk;
  private final MessageSource messages;
  private final java.time.Clock clock;

  PdfDocuments(CjkFont cjk, MessageSource messages, java.time.Clock clock) {
    this.cjk = cjk;
    this.messages = messages;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- 签收表

  byte[] receipts(Paper.ReceiptSheet s) {
    return build(PageSize.A4, "慰问金（品）签收表", doc -> {
      title(doc, "慰问金（品）签收表");
      sub(doc, "单位：" + s.orgName() + "　　　发放日期：" + range(s.from(), s.to()));
      PdfPTable t = table(new float[] {5, 12, 20, 15, 9, 17, 12, 10});
      head(t, "序号", "姓名", "身份证号", "案件编号", "慰问金（元）", "慰问品", "领取人签字", "签收日期");
      for (Paper.ReceiptLine l : s.lines()) {
        tall(t, String.valueOf(l.seq()), Element.ALIGN_CENTER);
        tall(t, l.name(), Element.ALIGN_LEFT);
        tall(t, l.idNumberMasked(), Element.ALIGN_LEFT);
        tall(t, l.caseNumber(), Element.ALIGN_LEFT);
        tall(t, l.amountYuan(), Element.ALIGN_RIGHT);
        tall(t, l.goods(), Element.ALIGN_LEFT);
        tall(t, "", Element.ALIGN_LEFT);
        tall(t, "", Element.ALIGN_LEFT);
      }
      if (s.lines().isEmpty()) {
        PdfPCell none = cell("所选日期内没有现金或物品发放。", font(9), Element.ALIGN_CENTER);
        none.setColspan(8);
        none.setMinimumHeight(24);
        t.addCell(none);
      }
      PdfPCell total = cell("合计：" + s.lines().size() + " 人　慰问金 " + s.totalAmountYuan() + " 元（大写：人民币"
          + s.totalUpper() + "）　慰问品价值 " + s.totalGoodsYuan() + " 元", bold(9), Element.ALIGN_LEFT);
      total.setColspan(8);
      total.setMinimumHeight(20);
      t.addCell(total);
      doc.add(t);
      signatures(doc, "制表人：" + s.preparer(), "审核人：", "单位（盖章）：", "制表日期：" + s.printedOn().format(CN_DATE));
      note(doc, "说明：身份证号按规定只显示前 3 位和后 4 位；领取人本人签字并填写日期，代领的须注明代领人姓名及与本人关系。");
    });
  }

  // ---------------------------------------------------------------- 发放花名册

  byte[] roster(Paper.RosterSheet s) {
    var b = s.roster().batch();
    return build(PageSize.A4.rotate(), "送温暖慰问金发放花名册", doc -> {
      title(doc, s.orgName() + "送温暖慰问金发放花名册");
      sub(doc, "批次号：" + b.id() + "　　资金来源：" + (b.fundSource() == null ? "多个来源"
          : b.fundSource() + " " + msg("fundSource." + b.fundSource())) + "　　生成：" + s.createdByName() + " "
          + b.createdAt().atZone(clock.getZone()).format(TIME) + "　　笔数：" + b.count());
      PdfPTable t = table(new float[] {5, 9, 17, 14, 18, 10, 11, 13, 7});
      head(t, "序号", "姓名", "身份证号", "开户银行", "银行卡号", "金额（元）", "资金来源", "案件编号", "结果");
      for (var l : s.roster().lines()) {
        row(t, String.valueOf(l.seq()), Element.ALIGN_CENTER);
        row(t, l.name(), Element.ALIGN_LEFT);
        row(t, l.idNumberMasked(), Element.ALIGN_LEFT);
        row(t, l.bankName(), Element.ALIGN_LEFT);
        row(t, l.bankCardMasked(), Element.ALIGN_LEFT);
        row(t, l.amountYuan(), Element.ALIGN_RIGHT);
        row(t, l.fundSource() == null ? "" : l.fundSource() + " " + msg("fundSource." + l.fundSource()), Element.ALIGN_LEFT);
        row(t, l.caseNumber(), Element.ALIGN_LEFT);
        row(t, msg("itemStatus." + l.status()), Element.ALIGN_CENTER);
      }
      for (Paper.SourceTotal st : s.totals()) {
        PdfPCell c = cell("小计 " + st.source() + " " + msg("fundSource." + st.source()) + "：" + st.count() + " 笔",
            font(9), Element.ALIGN_RIGHT);
        c.setColspan(5);
        t.addCell(c);
        t.addCell(cell(st.totalYuan(), font(9), Element.ALIGN_RIGHT));
        PdfPCell rest = cell("", font(9), Element.ALIGN_LEFT);
        rest.setColspan(3);
        t.addCell(rest);
      }
      PdfPCell total = cell("合计：" + s.roster().lines().size() + " 笔", bold(9), Element.ALIGN_RIGHT);
      total.setColspan(5);
      t.addCell(total);
      t.addCell(cell(s.totalYuan(), bold(9), Element.ALIGN_RIGHT));
      PdfPCell upper = cell("人民币" + s.totalUpper(), bold(9), Element.ALIGN_LEFT);
      upper.setColspan(3);
      t.addCell(upper);
      doc.add(t);
      signatures(doc, "制表人：" + s.preparer(), "财务审核：", "工会负责人：", "日期：" + s.printedOn().format(CN_DATE));
      note(doc, "说明：银行卡号只显示后 4 位，完整卡号仅见于报送银行的发放文件（系统记录每次导出）。");
    });
  }

  // ---------------------------------------------------------------- 困难职工档案（一页）

  byte[] file(Paper.FileSheet s) {
    HardshipFileView f = s.file();
    WorkerView w = s.worker();
    return build(PageSize.A4, "困难职工档案", doc -> {
      title(doc, "困难职工档案登记表");
      sub(doc, "档案编号：" + f.id() + "　　建档单位：" + s.orgName() + "　　状态：" + msg("fileStatus." + f.status()));
      PdfPTable t = table(new float[] {13, 20, 13, 22, 12, 20});
      section(t, "一、职工基本情况");
      pair(t, "姓名", w.name(), "身份证号", w.idNumberMasked(), "性别", msg("gender." + w.gender()));
      pair(t, "出生日期", String.valueOf(w.birthDate()), "所在单位", s.orgName(), "用工性质",
          msg("employment." + w.employmentType()));
      pair(t, "联系电话", w.phone() == null ? "" : w.phone(), "开户银行", nz(w.bankName()), "残疾职工",
          w.disabled() ? "是" : "否");
      section(t, "二、家庭经济情况");
      pair(t, "困难类别", msg("category." + f.category()), "家庭人口", f.householdSize() + " 人", "致困原因",
          f.reasons().stream().map(r -> msg("reason." + r)).collect(Collectors.joining("、")));
      pair(t, "家庭年收入", f.annualIncomeYuan() + " 元", "年刚性支出", f.annualEssentialExpensesYuan() + " 元",
          "人均月收入", f.perCapitaMonthlyYuan() + " 元");
      wide(t, "当地低保标准", f.dibaoMonthlyYuan() == null ? "未设置" : f.dibaoMonthlyYuan() + " 元/月"
          + (f.belowDibao() ? "（人均月收入低于低保标准）" : ""));
      wide(t, "困难情况说明", nz(f.description()));
      section(t, "三、审核与公示");
      wide(t, "提交", s.nameOf(f.submittedBy()) + "　" + f.submittedAt().atZone(clock.getZone()).format(TIME));
      wide(t, "审核", f.reviewedBy() == null ? "待审核" : s.nameOf(f.reviewedBy()) + "　" + f.reviewedAt().atZone(clock.getZone())
          .format(TIME) + "　" + nz(f.reviewComment()));
      wide(t, "公示", f.noticeUntil() == null ? (f.filedDate() == null ? "—" : "无须公示")
          : "公示至 " + f.noticeUntil() + "（按工作日计算，含节假日调休）");
      wide(t, "建档", f.filedDate() == null ? "—" : "建档日期 " + f.filedDate() + "　下次复核 " + f.nextReviewDate());
      if (f.closedDate() != null) {
        wide(t, "销档", f.closedDate() + "　" + msg("closeReason." + f.closeReason()) + "　" + nz(f.closeComment()));
      }
      wide(t, "办理记录", s.history().stream().map(this::historyLine).collect(Collectors.joining("；")));
      wide(t, "证明材料", f.attachments() == null || f.attachments().isEmpty() ? "无"
          : f.attachments().stream().map(this::attachmentLine).collect(Collectors.joining("；")));
      doc.add(t);
      signatures(doc, "经办人：", "审核人（工会负责人）：", "单位（盖章）：", "日期：");
      note(doc, "打印日期：" + s.printedOn().format(CN_DATE) + "。身份证号按规定只显示前 3 位和后 4 位。");
    });
  }

  private String historyLine(HardshipFiles.FileEvent h) {
    return h.at().atZone(clock.getZone()).toLocalDate() + " " + msg("audit.action." + h.action()) + "（" + h.actorName()
        + (h.detail() == null ? "" : "：" + h.detail()) + "）";
  }

  private String attachmentLine(AttachmentView a) {
    return msg("attachmentKind." + a.kind()) + " " + a.name();
  }

  // ---------------------------------------------------------------- 统计表

  byte[] statistics(Paper.StatSheet s) {
    OfficialSheets.Sheet sh = s.sheet();
    return build(PageSize.A4, sh.title(), doc -> {
      Paragraph att = new Paragraph("附件", font(10));
      doc.add(att);
      title(doc, sh.title());
      PdfPTable headLine = new PdfPTable(4);
      headLine.setWidthPercentage(100);
      for (String x : new String[] {"填报单位：" + sh.orgName(), "填报人：" + sh.preparer(), "电话：" + sh.phone(),
          s.printedOn().format(CN_DATE)}) {
        PdfPCell c = cell(x, font(9), Element.ALIGN_LEFT);
        c.setBorder(Rectangle.NO_BORDER);
        headLine.addCell(c);
      }
      doc.add(headLine);
      PdfPTable t = table(new float[] {6, 6, 62, 13, 13});
      head(t, "编号", "", "项目", "", "合计");
      for (OfficialSheets.Line l : sh.lines()) {
        // Tight rows: the whole form on one A4 page, as the notice's attachment.
        t.addCell(compact(cell(l.group(), font(7.5f), Element.ALIGN_CENTER)));
        t.addCell(compact(cell(l.code(), font(7.5f), Element.ALIGN_CENTER)));
        t.addCell(compact(cell((l.part() ? "　　" : "") + l.label() + (l.formula() == null ? "" : "  " + l.formula()),
            font(7.5f), Element.ALIGN_LEFT)));
        t.addCell(compact(cell(l.unitLabel(), font(7.5f), Element.ALIGN_CENTER)));
        t.addCell(compact(cell(l.value(), font(7.5f), Element.ALIGN_RIGHT)));
      }
      doc.add(t);
      note(doc, "金额单位为万元（" + sh.decimals() + " 位小数），按舍位平衡法取舍，分项之和等于合计。活动：" + sh.campaignName());
    });
  }

  // ---------------------------------------------------------------- toolkit

  interface Body {
    void write(Document doc) throws DocumentException;
  }

  private byte[] build(Rectangle size, String subject, Body body) {
    Document doc = new Document(size, 36, 36, 40, 44);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfWriter writer = PdfWriter.getInstance(doc, out);
    writer.setPageEvent(new PdfPageEventHelper() {
      @Override
      public void onEndPage(PdfWriter w, Document d) {
        ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_CENTER,
            new Phrase("第 " + w.getPageNumber() + " 页", font(8)), (d.left() + d.right()) / 2, d.bottom() - 20, 0);
      }
    });
    doc.addTitle(subject);
    doc.addCreator("Warmth 送温暖");
    doc.open();
    try {
      body.write(doc);
    } catch (DocumentException e) {
      throw new IllegalStateException(e);
    }
    doc.close();
    return out.toByteArray();
  }

  private Font font(float size) {
    return new Font(cjk.font(), size);
  }

  private Font bold(float size) {
    return new Font(cjk.font(), size, Font.BOLD);
  }

  private void title(Document doc, String text) throws DocumentException {
    Paragraph p = new Paragraph(text, bold(16));
    p.setAlignment(Element.ALIGN_CENTER);
    p.setSpacingAfter(6);
    doc.add(p);
  }

  private void sub(Document doc, String text) throws DocumentException {
    Paragraph p = new Paragraph(text, font(9.5f));
    p.setSpacingAfter(6);
    doc.add(p);
  }

  private void note(Document doc, String text) throws DocumentException {
    Paragraph p = new Paragraph(text, font(8));
    p.setSpacingBefore(6);
    doc.add(p);
  }

  private PdfPTable table(float[] widths) {
    PdfPTable t = new PdfPTable(widths);
    t.setWidthPercentage(100);
    t.setHeaderRows(1);
    return t;
  }

  private void head(PdfPTable t, String... labels) {
    for (String l : labels) {
      PdfPCell c = cell(l, bold(9), Element.ALIGN_CENTER);
      c.setGrayFill(0.92f);
      t.addCell(c);
    }
  }

  /** A row tall enough for a signature. */
  private void tall(PdfPTable t, String text, int align) {
    PdfPCell c = cell(text, font(9), align);
    c.setMinimumHeight(28);
    t.addCell(c);
  }

  private void row(PdfPTable t, String text, int align) {
    PdfPCell c = cell(text, font(8.5f), align);
    c.setMinimumHeight(18);
    t.addCell(c);
  }

  private void section(PdfPTable t, String text) {
    PdfPCell c = cell(text, bold(10), Element.ALIGN_LEFT);
    c.setColspan(6);
    c.setGrayFill(0.92f);
    t.addCell(c);
  }

  private void pair(PdfPTable t, String... labelsAndValues) {
    for (int i = 0; i < labelsAndValues.length; i++) {
      PdfPCell c = cell(labelsAndValues[i], i % 2 == 0 ? bold(9) : font(9), Element.ALIGN_LEFT);
      c.setMinimumHeight(20);
      t.addCell(c);
    }
  }

  private void wide(PdfPTable t, String label, String value) {
    PdfPCell l = cell(label, bold(9), Element.ALIGN_LEFT);
    l.setMinimumHeight(20);
    t.addCell(l);
    PdfPCell v = cell(value, font(9), Element.ALIGN_LEFT);
    v.setColspan(5);
    t.addCell(v);
  }

  private PdfPCell cell(String text, Font f, int align) {
    PdfPCell c = new PdfPCell(new Phrase(text == null ? "" : text, f));
    c.setHorizontalAlignment(align);
    c.setVerticalAlignment(Element.ALIGN_MIDDLE);
    c.setPadding(3);
    return c;
  }

  private static PdfPCell compact(PdfPCell c) {
    c.setPaddingTop(1.2f);
    c.setPaddingBottom(1.8f);
    return c;
  }

  /** Four signature fields on one line, with room to sign (a line after each empty one). */
  private void signatures(Document doc, String... fields) throws DocumentException {
    PdfPTable t = new PdfPTable(fields.length);
    t.setWidthPercentage(100);
    t.setSpacingBefore(18);
    for (String f : fields) {
      PdfPCell c = cell(f.endsWith("：") ? f + "__________" : f, font(10), Element.ALIGN_LEFT);
      c.setBorder(Rectangle.NO_BORDER);
      c.setMinimumHeight(30);
      t.addCell(c);
    }
    doc.add(t);
  }

  private String msg(String key) {
    return messages.getMessage(key, null, key, ZH);
  }

  private static String nz(String s) {
    return s == null || s.isBlank() ? "—" : s;
  }

  private static String range(LocalDate from, LocalDate to) {
    return from.equals(to) ? from.format(CN_DATE) : from.format(CN_DATE) + " 至 " + to.format(CN_DATE);
  }
}
