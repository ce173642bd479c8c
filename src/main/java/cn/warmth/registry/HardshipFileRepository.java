package cn.warmth.registry;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface HardshipFileRepository extends JpaRepository<HardshipFile, Long>,
    org.springframework.data.jpa.repository.JpaSpecificationExecutor<HardshipFile> {
  List<HardshipFile> findByWorkerIdOrderByIdDesc(long workerId);

  Optional<HardshipFile> findByActiveWorkerId(long workerId);

  List<HardshipFile> findByStatusAndOrgPathStartingWithOrderByOrgPathAscIdAsc(FileStatus status, String orgPath);
}
