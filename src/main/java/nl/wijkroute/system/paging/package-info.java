/**
 * Paged lists for every module: {@link nl.wijkroute.system.paging.PageParams} reads and checks page/size, {@link
 * nl.wijkroute.system.paging.PageView} is every list's answer. A named interface of the system module (decision
 * 0036).
 */
@NamedInterface("paging")
package nl.wijkroute.system.paging;

import org.springframework.modulith.NamedInterface;
