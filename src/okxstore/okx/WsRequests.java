package okxstore.okx;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The subscribe and unsubscribe requests of one socket still waiting for answers, and how an answer
 * finds its request: by the echoed {@code id}, else by the arg it names (API-NOTES §6.2: error events
 * carry no {@code arg}, and whether they echo the id is unconfirmed). Owned by the dispatcher thread.
 */
final class WsRequests {

    /** A request waiting for its answers: the args not yet acknowledged or refused. */
    private record Pending(String op, LinkedHashSet<WsArg> remaining, long sentAt) {
    }

    private final Map<String, Pending> pending = new LinkedHashMap<>();

    void sent(WsMessages.Request request, long now) {
        pending.put(request.id(), new Pending(request.op(), new LinkedHashSet<>(request.args()), now));
    }

    /** Removes {@code arg} from the request it answers: the one named by {@code id}, else the oldest waiting for it. */
    void answered(String id, WsArg arg, String op) {
        Pending p = id == null ? null : pending.get(id);
        if (p == null || !p.remaining().contains(arg)) {
            p = pending.values().stream().filter(x -> x.op().equals(op) && x.remaining().contains(arg))
                .findFirst().orElse(null);
        }
        if (p != null) {
            p.remaining().remove(arg);
            pending.values().removeIf(x -> x.remaining().isEmpty());
        }
    }

    /**
     * The subscribe args an error event refers to, taken out of their requests: the series its text
     * names, else the args of the request its id names, else those of the only request waiting.
     * Empty when it matches nothing (an error about an unsubscribe matches no subscribe arg).
     */
    List<WsArg> refusedBy(String id, WsArg named) {
        if (named != null) {
            boolean waiting = awaitsSubscribe(named);
            answered(id, named, WsMessages.SUBSCRIBE);
            return waiting ? List.of(named) : List.of();
        }
        String key = id != null && pending.containsKey(id) ? id
            : pending.size() == 1 ? pending.keySet().iterator().next() : null;
        if (key == null) {
            return List.of();
        }
        Pending p = pending.remove(key);
        return p.op().equals(WsMessages.SUBSCRIBE) ? new ArrayList<>(p.remaining()) : List.of();
    }

    /** Subscribe args sent at or before {@code cutoff} and still unanswered, taken out of their requests. */
    List<WsArg> expire(long cutoff) {
        List<WsArg> out = new ArrayList<>();
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (p.sentAt() <= cutoff) {
                if (p.op().equals(WsMessages.SUBSCRIBE)) {
                    out.addAll(p.remaining());
                }
                it.remove();
            }
        }
        return out;
    }

    boolean awaitsSubscribe(WsArg arg) {
        return pending.values().stream()
            .anyMatch(p -> p.op().equals(WsMessages.SUBSCRIBE) && p.remaining().contains(arg));
    }

    int size() {
        return pending.size();
    }
}
