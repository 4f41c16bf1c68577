package nl.wijkroute.toegang;

import java.util.List;
import nl.wijkroute.deadline.DeadlineView;
import org.mapstruct.Mapper;

@Mapper
interface ToegangMapper {

    ToegangDtos.ToegangView toView(ToegangRequest request, List<DeadlineView> deadlines);

    ToegangDtos.BezwaarView toView(Bezwaar bezwaar, List<DeadlineView> deadlines);
}
