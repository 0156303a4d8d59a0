"""Non-copies that fingerprint badly: near-blank clips (a dark room, a flat wall)
and slide-like clips (text on a plain or gradient background, changing like a
presentation). Their frames carry little structure, so a matcher that trusts
weak hashes matches them to anything dark or plain."""
from sources import FONT, H, SECONDS, W


def slides(background, pages, colour="white"):
    """`background` (a generated source) with one page of title and bullet text
    after another, each shown for an equal share of the clip."""
    share = SECONDS / len(pages)
    chain = []
    for i, (title, *bullets) in enumerate(pages):
        shown = f"enable='gte(t,{i * share:.2f})*lt(t,{(i + 1) * share:.2f})'"
        chain.append(f"drawtext=fontfile={FONT}:text='{title}':fontcolor={colour}:fontsize=34:x=40:y=40:{shown}")
        chain += [f"drawtext=fontfile={FONT}:text='- {bullet}':fontcolor={colour}:fontsize=22:x=60:y={120 + 40 * j}:{shown}"
                  for j, bullet in enumerate(bullets)]
    return background + "," + ",".join(chain)


NEAR_BLANK = {
    "blank-dark-noise": f"color=c=0x0c0c0c:s={W}x{H}:r=25,noise=alls=6:allf=t",
    "blank-dark-flicker": f"color=c=0x141210:s={W}x{H}:r=25,eq=brightness='0.02*sin(2*PI*t)':eval=frame",
    "blank-wall-gradient": f"gradients=s={W}x{H}:r=25:c0=0x7a7670:c1=0x86827a:speed=0.004:seed=2",
}

SLIDES = {
    "slides-agenda": slides(f"color=c=0x1d3557:s={W}x{H}:r=25", [
        ("Agenda", "Where we are", "What we shipped", "What comes next"),
        ("What we shipped", "Faster checkout", "Reviews on every page"),
        ("What comes next", "Video reviews", "Fewer fake ones")]),
    "slides-results": slides(f"color=c=white:s={W}x{H}:r=25", [
        ("Quarterly results", "Revenue up 12 percent", "Costs flat"),
        ("By region", "North 40 percent", "South 35 percent", "West 25 percent"),
        ("Questions", "Thank you")], colour="0x202020"),
    "slides-gradient": slides(f"gradients=s={W}x{H}:r=25:c0=0x283c86:c1=0x45a247:speed=0.01:seed=5", [
        ("Unboxing checklist", "Check the seal", "Count the parts"),
        ("First impressions", "Build quality", "Weight in hand"),
        ("Verdict", "Four stars", "Would buy again"),
        ("Thanks for watching", "See the links below")]),
    "slides-title-card": slides(f"color=c=0x111111:s={W}x{H}:r=25", [
        ("Chapter one",), ("Chapter two",), ("Chapter three",), ("Chapter four",), ("The end",)]),
}
