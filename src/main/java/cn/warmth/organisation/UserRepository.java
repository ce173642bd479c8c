package cn.warmth.organisation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserRepository extends JpaRepository<AppUser, Long> {
  Optional<AppUser> findByUsername(String username);

  @Query("select distinct u from AppUser u join fetch u.org o where o.path like concat(:path, '%') order by o.path, u.username")
  List<AppUser> findInSubtree(String path);

  @Query("select distinct u from AppUser u join fetch u.org")
  List<AppUser> findAllWithOrg();

  List<AppUser> findByUsernameIn(java.util.Collection<String> usernames);
}
