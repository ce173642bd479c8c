package cn.warmth.registry;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface FileObjectionRepository extends JpaRepository<FileObjection, Long> {
  List<FileObjection> findByFileIdOrderByRaisedAtAscIdAsc(long fileId);

  List<FileObjection> findByFileIdInOrderByRaisedAtAscIdAsc(Collection<Long> fileIds);
}
