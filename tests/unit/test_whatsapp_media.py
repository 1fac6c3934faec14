"""The WhatsApp token goes only where Meta is (review finding 1): the Graph API's origin and https media
hosts on the allow-list. A media answer pointing at an internal address, plain http or a metadata
endpoint, a redirect away from Meta, and a media id that would walk the Graph API's paths are refused
before any request is made. A second local server plays the internal target and must hear nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.channels.whatsapp.graph import GraphClient, allowed_media_url
from bot.errors import ChannelError
from tests.fake_graph import FakeGraph

API = "https://graph.facebook.com/v21.0"
META = ("lookaside.fbsbx.com", "*.whatsapp.net")


@pytest.fixture(scope="module")
def servers() -> Iterator[tuple[FakeGraph, FakeGraph]]:
    graph, internal = FakeGraph().start(), FakeGraph().start()
    yield graph, internal
    graph.stop()
    internal.stop()


@pytest.fixture
def client(servers: tuple[FakeGraph, FakeGraph]) -> Iterator[GraphClient]:
    graph, internal = servers
    graph.reset()
    internal.reset()
    c = GraphClient(graph.base_url, graph.token, graph.phone_number_id, media_hosts=META)
    yield c
    c.close()


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1", True),
        ("https://mmg.whatsapp.net/v/t62/x.enc", True),
        ("https://graph.facebook.com/v21.0/123", True),  # the Graph API's own origin
        ("http://lookaside.fbsbx.com/x", False),  # plain http
        ("https://lookaside.fbsbx.com:8443/x", False),
        ("https://lookaside.fbsbx.com.evil.example/x", False),
        ("https://evilwhatsapp.net/x", False),
        ("https://user:pw@lookaside.fbsbx.com/x", False),
        ("http://127.0.0.1:8798/internal/admin?x=1", False),
        ("http://169.254.169.254/latest/meta-data/", False),
        ("file:///etc/passwd", False),
        ("not a url", False),
    ],
)
def test_the_allow_list(url: str, allowed: bool) -> None:
    assert allowed_media_url(url, META, API) is allowed


def test_a_media_answer_pointing_inside_gets_no_request_and_no_token(
    client: GraphClient, servers: tuple[FakeGraph, FakeGraph]
) -> None:
    graph, internal = servers
    graph.add_media("123", b"OggS" + bytes(100))
    for target in (f"{internal.origin}/internal/admin?x=1", "http://169.254.169.254/latest/meta-data/"):
        graph.media_urls["123"] = target
        info = client.media_info("123")
        with pytest.raises(ChannelError, match="not an allowed") as refused:
            client.download(info.url, 1_000_000)
        assert not refused.value.retryable
    assert internal.requests == []


def test_a_redirect_away_from_meta_is_not_followed(client: GraphClient, servers: tuple[FakeGraph, FakeGraph]) -> None:
    graph, internal = servers
    graph.add_media("124", b"OggS" + bytes(100))
    graph.media_urls["124"] = f"{graph.origin}/redirect/x?to={internal.origin}/files/124"
    with pytest.raises(ChannelError, match="not an allowed"):
        client.download(client.media_info("124").url, 1_000_000)
    assert internal.requests == [] and graph.requests[-1][2] == 302


@pytest.mark.parametrize("media_id", ["../../../admin/x?y=1#", "123/../../x", "12 3", "", "١٢٣"])
def test_a_media_id_is_digits_and_never_walks_the_graph_api(
    client: GraphClient, servers: tuple[FakeGraph, FakeGraph], media_id: str
) -> None:
    graph, _ = servers
    with pytest.raises(ChannelError, match="digits"):
        client.media_info(media_id)
    assert graph.requests == []


def test_meta_media_still_downloads(client: GraphClient, servers: tuple[FakeGraph, FakeGraph]) -> None:
    graph, _ = servers
    graph.add_media("125", b"OggS" + bytes(100))
    assert client.download(client.media_info("125").url, 1_000_000) == b"OggS" + bytes(100)
