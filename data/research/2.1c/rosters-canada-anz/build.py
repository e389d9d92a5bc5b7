"""Working file: writes the slice CSVs (rosters-canada-anz, 2.1c)."""
import csv

C = "2026-12-07"
ORG_COLS = "id,name,name_he,roles,org_type,domains,scope,city,region,country_code,latitude,longitude,year_started,year_ended,network,website,description,source,checked".split(",")
REL_COLS = "source_id,target_id,relation,since,until,source,checked,note".split(",")
NET_COLS = "network,organisation_id,roster_source,roster_date,roster_size,roster_note".split(",")

NIAA = "https://niaa.gov.au/our-work/closing-gap/2023-closing-gap-commonwealth-partnership-stocktake/stronger-places-stronger-people-spsp"
JAWUN = "https://jawun.org.au/2021/02/far-west-community-partnerships-far-west-coast-joins-empowered-communities/"
IGA = "https://indigenous.gov.au/news/more-representation-south-australias-far-west-indigenous-communities"
LTM = "https://learningthemacleay.org.au/"
ARGUS = "https://www.macleayargus.com.au/story/8595708/community-feedback-wanted-for-future-planning-of-kempsey-shire/"
DUSS = "https://dusseldorp.org.au/?p=27562"
OCNR = "https://opportunitychild.com.au/true-collaborative-contribution-to-national-review/"

orgs = [
    dict(id="far-west-aboriginal-community-leadership-group",
         name="Far West Aboriginal Community Leadership Group",
         roles="operating", org_type="network", domains="community-development;health",
         scope="regional", city="", region="South Australia", country_code="AU",
         year_started="2011", website="",
         description=("Leaders of five Aboriginal communities of SA's Far West Coast (Ceduna, Koonibba, Scotdesco, Yalata, "
                      "Oak Valley), formed in 2011; signed partner of Stronger Places, Stronger People for Far West SA."),
         source=f"{NIAA};{JAWUN}"),
    dict(id="far-west-community-partnerships",
         name="Far West Community Partnerships",
         roles="operating", org_type="backbone", domains="community-development",
         scope="regional", city="Ceduna", region="South Australia", country_code="AU",
         year_started="", website="",
         description=("Ceduna-based organisation launched as the Empowered Communities backbone through which the "
                      "Aboriginal community leaders of South Australia's Far West Coast work with governments on "
                      "regional priorities."),
         source=f"{IGA};{JAWUN}"),
    dict(id="learning-the-macleay",
         name="Learning the Macleay",
         roles="operating", org_type="initiative", domains="community-development;justice;youth",
         scope="rural", city="Kempsey", region="New South Wales", country_code="AU",
         year_started="", website=LTM,
         description=("Community-led collective impact initiative in the Macleay Valley (Kempsey) on better futures for "
                      "children and families and on youth justice; one of the ten Stronger Places, Stronger People communities."),
         source=f"{LTM};{ARGUS};{DUSS}"),
]
for o in orgs:
    o.update(name_he="", latitude="", longitude="", year_ended="", network="", checked=C)

rels = [
    dict(source_id="far-west-aboriginal-community-leadership-group", target_id="stronger-places-stronger-people",
         relation="member_of", since="", until="", source=NIAA,
         note=("NIAA 2023 Closing the Gap stocktake: one of four signed SPSP collaboration agreements, for Far West SA; "
               "partnerships began 2019-2021 (no year for this one)")),
    dict(source_id="far-west-community-partnerships", target_id="far-west-aboriginal-community-leadership-group",
         relation="backbone_of", since="", until="", source=IGA,
         note="Minister's release: based in Ceduna, it operates as the backbone organisation for the Far West community leaders (Empowered Communities)"),
    dict(source_id="learning-the-macleay", target_id="stronger-places-stronger-people",
         relation="member_of", since="", until="", source=f"{ARGUS};{LTM}",
         note="Macleay Argus (Apr 2024) and its own site: the Macleay Valley is one of the 10 SPSP communities"),
    dict(source_id="the-hive-mt-druitt", target_id="opportunity-child",
         relation="member_of", since="", until="", source=OCNR,
         note="OC page: one of the nine Opportunity Child communities that made the joint submission to the Productivity Commission's human services review"),
    dict(source_id="dusseldorp-forum", target_id="learning-the-macleay",
         relation="partners_with", since="", until="", source=DUSS,
         note="listed among Dusseldorp Forum's current partnerships"),
]
for r in rels:
    r["checked"] = C

nets = [
    dict(network="Opportunity Child", organisation_id="opportunity-child",
         roster_source=OCNR, roster_date="2026-12-07", roster_size="9",
         roster_note=("Undated; read 2026-12-07: the nine Opportunity Child communities. Its farewell page says it supported six "
                      "initiatives at first and over 15 communities overall. The Hive Mt Druitt is not linked: no page read states "
                      "its membership. 2.1c: the roster page itself, read again, names The Hive Mt Druitt (NSW) among the nine "
                      "communities of the joint submission; linked. Held 9 of 9.")),
    dict(network="Stronger Places, Stronger People", organisation_id="stronger-places-stronger-people",
         roster_source="https://www.dss.gov.au/families-and-children-programs-services/stronger-places-stronger-people",
         roster_date="2026-12-07", roster_size="10",
         roster_note=("Undated; read 2026-12-07. The Department of Social Services counts 10 communities; the pages read name 8 "
                      "(Logan, Rockhampton, Gladstone, Bourke, Burnie, Far West SA, Tennant Creek, Mildura). No page read ties an "
                      "organisation in Far West SA or Tennant Creek to the programme. "
                      "2.1c: a ninth community, the Macleay Valley (Kempsey), is named by Learning the Macleay's own site and the "
                      "Macleay Argus (2024); the NIAA 2023 Closing the Gap stocktake names the Far West Aboriginal Community "
                      "Leadership Group as SPSP's signed partner for Far West SA. Held 8 of 10; Tennant Creek and the tenth "
                      "community (not named on any page read) remain.")),
]

def write(name, cols, rows):
    with open(name, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=cols)
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in cols})

write("organisations.csv", ORG_COLS, orgs)
write("relationships.csv", REL_COLS, rels)
write("networks.csv", NET_COLS, nets)
