# ---------------------------------------------------------------------------
# Topics
# ---------------------------------------------------------------------------

# Subscriptions follow MQTT: levels are separated by "/", "+" matches exactly
# one level and "#" the rest, including nothing.


def topic_is_exact(subscription):
    return not any(level in ("+", "#") for level in subscription.split("/"))


%%if matcher
def topic_matches(pattern, topic):
    have = topic.split("/")
    for i, want in enumerate(pattern.split("/")):
        if want == "#":
            return True
        if i >= len(have):
            return False
        if want != "+" and want != have[i]:
            return False
    return len(have) == len(pattern.split("/"))


%%endif
