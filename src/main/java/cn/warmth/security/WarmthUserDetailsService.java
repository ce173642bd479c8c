package cn.warmth.security;

import cn.warmth.organisation.Users;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class WarmthUserDetailsService implements UserDetailsService {
  private final Users users;

  WarmthUserDetailsService(Users users) {
    this.users = users;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    return users.principal(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
  }
}
