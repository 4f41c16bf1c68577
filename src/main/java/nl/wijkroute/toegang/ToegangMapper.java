package nl.wijkroute.toegang;

import java.util.List;
import nl.wijkroute.deadline.DeadlineView;
import nl.wijkroute.toeleiding.ToeleidingTraceView;
import org.mapstruct.Mapper;

@Mapper
interface ToegangMapper {

    ToegangDtos.ToegangView toView(ToegangRequest request, List<DeadlineView> deadlines, List<ToeleidingTraceView> toeleiding);

    ToegangDtos.BezwaarView toView(Bezwaar bezwaar, List<DeadlineView> deadlines);
}
