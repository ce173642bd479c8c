package cn.warmth.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OrgRepository extends JpaRepository<OrgUnit, Long> {
  Optional<OrgUnit> findByCode(String code);

  @Query("select o from OrgUnit o where o.path like concat(:path, '%') order by o.path")
  List<OrgUnit> findSubtree(String path);

  List<OrgUnit> findByCodeIn(java.util.Collection<String> codes);

}
