package nl.wijkroute.household;

import org.springframework.data.jpa.repository.JpaRepository;

interface WijkRepository extends JpaRepository<Wijk, String> {
}
