package cn.warmth.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A registered worker (实名制). The ID and card numbers are held only encrypted, with their
 * masked forms for display and a keyed hash of the ID for look-ups.
 */
@Entity
@Table(name = "worker")
class Worker {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String name;

  @Column(name = "id_number_enc", nullable = false)
  private String idNumberEnc;

  @Column(name = "id_number_hash", nullable = false, unique = true)
  private String idNumberHash;

  @Column(name = "id_number_masked", nullable = false)
  private String idNumberMasked;

  /** The last 4 characters of the ID number, for search (shown in the masked form anyway). */
  @Column(name = "id_last4")
  private String idLast4;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private IdNumber.Gender gender;

  @Column(name = "birth_date", nullable = false)
  private LocalDate birthDate;

  @Column(name = "org_code", nullable = false)
  private String orgCode;

  @Column(name = "org_path", nullable = false)
  private String orgPath;

  private String phone;

  @Enumerated(EnumType.STRING)
  @Column(name = "employment_type", nullable = false)
  private EmploymentType employmentType;

  @Column(nullable = false)
  private boolean disabled;

  /** The disability certificate number contains the ID number: encrypted like it, masked for display. */
  @Column(name = "disability_cert_enc")
  private String disabilityCertEnc;

  @Column(name = "disability_cert_masked")
  private String disabilityCertMasked;

  @Column(name = "bank_name")
  private String bankName;

  @Column(name = "bank_card_enc")
  private String bankCardEnc;

  @Column(name = "bank_card_masked")
  private String bankCardMasked;

  @Column(name = "bank_card_luhn_ok")
  private Boolean bankCardLuhnOk;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  private long version;

  protected Worker() {}

  Worker(String name, IdNumber id, String idEnc, String idHash, String orgCode, String orgPath, Instant now) {
    this.name = name;
    this.idNumberEnc = idEnc;
    this.idNumberHash = idHash;
    this.idNumberMasked = id.masked();
    this.idLast4 = id.last4();
    this.gender = id.gender();
    this.birthDate = id.birthDate();
    this.orgCode = orgCode;
    this.orgPath = orgPath;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /**
   * Name, phone, employment and disability. {@code certEnc}/{@code certMasked} null with
   * {@code disabled} keeps the certificate already on file; a disabled worker must end up with one.
   */
  void details(String name, String phone, EmploymentType type, boolean disabled, String certEnc, String certMasked,
      Instant now) {
    if (disabled && certEnc == null && disabilityCertEnc == null) {
      throw new IllegalArgumentException("a disabled worker needs a certificate number");
    }
    this.name = name;
    this.phone = phone;
    this.employmentType = type;
    this.disabled = disabled;
    if (!disabled) {
      this.disabilityCertEnc = null;
      this.disabilityCertMasked = null;
    } else if (certEnc != null) {
      this.disabilityCertEnc = certEnc;
      this.disabilityCertMasked = certMasked;
    }
    this.updatedAt = now;
  }

  void bankCard(String bank, String cardEnc, String cardMasked, boolean luhnOk, Instant now) {
    this.bankName = bank;
    this.bankCardEnc = cardEnc;
    this.bankCardMasked = cardMasked;
    this.bankCardLuhnOk = luhnOk;
    this.updatedAt = now;
  }

  Long getId() { return id; }
  String getName() { return name; }
  String getIdNumberEnc() { return idNumberEnc; }
  String getIdNumberMasked() { return idNumberMasked; }
  IdNumber.Gender getGender() { return gender; }
  LocalDate getBirthDate() { return birthDate; }
  String getOrgCode() { return orgCode; }
  String getOrgPath() { return orgPath; }
  String getPhone() { return phone; }
  EmploymentType getEmploymentType() { return employmentType; }
  boolean isDisabled() { return disabled; }
  String getDisabilityCertEnc() { return disabilityCertEnc; }
  String getDisabilityCertMasked() { return disabilityCertMasked; }
  String getBankName() { return bankName; }
  String getBankCardEnc() { return bankCardEnc; }
  String getBankCardMasked() { return bankCardMasked; }
  Boolean getBankCardLuhnOk() { return bankCardLuhnOk; }
}
