package org.iin.csec.course.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.iin.csec.chassis.domain.Role;
import org.iin.csec.course.domain.account.Account;
import org.iin.csec.course.domain.account.AccountRepository;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaAccountRepository implements AccountRepository {

    @PersistenceContext(unitName = "course")
    EntityManager em;

    @Override
    public Optional<Account> findByUsername(String username) {
        return em.createQuery("select distinct a from Account a left join fetch a.roles where a.username = :username",
                        Account.class)
                .setParameter("username", username).getResultStream().findFirst();
    }

    @Override
    public List<Account> findAll() {
        return em.createQuery("select a from Account a order by a.username", Account.class).getResultList();
    }

    @Override
    public boolean anyWithRole(Role role) {
        return em.createQuery("select count(a) from Account a join a.roles r where r = :role", Long.class)
                .setParameter("role", role).getSingleResult() > 0;
    }

    @Override
    public List<Account> reachable(Role role, String state) {
        return em.createQuery("select distinct a from Account a join a.roles r where r = :role and a.active = true"
                        + " and a.email is not null", Account.class)
                .setParameter("role", role)
                .getResultList().stream().filter(a -> state == null || state.equals(a.stateCode())).toList();
    }

    @Override
    public void add(Account account) {
        em.persist(account);
        em.flush();
    }
}
