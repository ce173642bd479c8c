package cn.warmth.registry;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WorkerRepository extends JpaRepository<Worker, Long> {
  Optional<Worker> findByIdNumberHash(String hash);

  @Query("select w.idNumberHash from Worker w where w.idNumberHash in :hashes")
  List<String> findExistingHashes(Collection<String> hashes);

  /** Name search is a prefix rule (the surname, or the name's beginning): one index range on PostgreSQL (V37). */
  @Query("select w from Worker w where w.orgPath like concat(:scope, '%') and w.name like concat(:q, '%') order by w.name, w.id")
  org.springframework.data.domain.Page<Worker> searchByName(String scope, String q, Pageable page);

  @Query("select w from Worker w where w.orgPath like concat(:scope, '%') order by w.id desc")
  org.springframework.data.domain.Page<Worker> latest(String scope, Pageable page);
}
