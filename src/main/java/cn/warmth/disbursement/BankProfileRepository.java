package cn.warmth.disbursement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface BankProfileRepository extends JpaRepository<BankProfile, Long> {
  Optional<BankProfile> findByCode(String code);

  /** The generic (system) profile first, then by name. */
  List<BankProfile> findAllByOrderBySystemProfileDescNameAsc();
}
