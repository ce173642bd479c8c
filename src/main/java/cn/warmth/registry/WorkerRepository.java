package cn.warmth.registry;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WorkerRepository extends JpaRepository<Worker, Long>,
    org.springframework.data.jpa.repository.JpaSpecificationExecutor<Worker> {
  Optional<Worker> findByIdNumberHash(String hash);

  @Query("select w.idNumberHash from Worker w where w.idNumberHash in :hashes")
  List<String> findExistingHashes(Collection<String> hashes);
}
