package cn.warmth.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OrgRepository extends JpaRepository<OrgUnit, Long> {
  Optional<OrgUnit> findByCode(String code);

  Optional<OrgUnit> findFirstByParentIsNullOrderByIdAsc();

  @Query("select o from OrgUnit o where o.path like concat(:path, '%') order by o.path")
  List<OrgUnit> findSubtree(String path);

  @Query(value = "select o from OrgUnit o where o.path like concat(:path, '%') order by o.path",
      countQuery = "select count(o) from OrgUnit o where o.path like concat(:path, '%')")
  org.springframework.data.domain.Page<OrgUnit> findSubtree(String path, org.springframework.data.domain.Pageable page);

  List<OrgUnit> findByCodeIn(java.util.Collection<String> codes);

}
