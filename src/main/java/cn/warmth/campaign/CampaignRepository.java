package cn.warmth.campaign;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CampaignRepository extends JpaRepository<Campaign, Long> {
  Optional<Campaign> findByCode(String code);

  List<Campaign> findAllByOrderByStartDateDescCodeAsc();

  /**
   * The campaigns a user at {@code path} sees: those whose owner is the user's unit or above it
   * (they reach the user) and those owned inside the user's scope (the user oversees them).
   */
  @Query(value = """
      select c from Campaign c
      where :path like concat(c.orgPath, '%') or c.orgPath like concat(:path, '%')
      order by c.startDate desc, c.code""",
      countQuery = "select count(c) from Campaign c where :path like concat(c.orgPath, '%') or c.orgPath like concat(:path, '%')")
  Page<Campaign> visibleFrom(String path, Pageable page);
}
