"""Working file: writes this slice's CSVs (2.1c rosters-promise-oyf-stem)."""
import csv
from pathlib import Path

HERE = Path(__file__).parent
C = "2026-12-07"
ORG_COLS = "id,name,name_he,roles,org_type,domains,scope,city,region,country_code,latitude,longitude,year_started,year_ended,network,website,description,source,checked".split(",")
REL_COLS = "source_id,target_id,relation,since,until,source,checked,note".split(",")
NET_COLS = "network,organisation_id,roster_source,roster_date,roster_size,note".split(",")
STEM = "stem-learning-ecosystems"
OYF = "aspen-institute-forum-for-community-solutions"

orgs, rels = [], []

def org(id, name, org_type, domains, scope, city, region, cc, year, website, desc, source, roles="operating", year_ended=""):
    orgs.append(dict(id=id, name=name, name_he="", roles=roles, org_type=org_type, domains=domains, scope=scope,
                     city=city, region=region, country_code=cc, latitude="", longitude="", year_started=year,
                     year_ended=year_ended, network="", website=website, description=desc, source=source, checked=C))

def rel(s, t, since, source, note, relation="member_of"):
    rels.append(dict(source_id=s, target_id=t, relation=relation, since=since, until="", source=source, checked=C, note=note))

# ---------------- STEM Learning Ecosystems ----------------
U = "https://stemecosystems.org/ecosystem/hawaiiloa-ecosystem-cabinet/"
org("hawaiiloa-ecosystem-cabinet", "Hawai'iloa ecosySTEM Cabinet", "initiative", "stem-education", "regional", "", "Hawaii", "US", "", "",
    "Statewide Hawaiian STEM learning ecosystem run as a cabinet of champions for seven pathways, from schools and industry to equity, funders and STEM-rich institutions, guided by Native Hawaiian voyaging values.",
    U)
rel("hawaiiloa-ecosystem-cabinet", STEM, "", U, "has an ecosystem profile on the network's site (the profile calls it a proposed ecosystem; stored with the 2024 convening banner)")

U1 = "https://www.slcschools.org/news/news-details/~board/salt-lake-city-school-district-news/post/utah-stem-ecosystem-chosen-to-join-global-stem-ecosystem-initiative"
U2 = "https://ksltv.com/607590/salt-lake-city-school-district-announces-two-new-education-initiatives/"
org("utah-stem-ecosystem", "Utah STEM Ecosystem", "initiative", "stem-education", "metropolitan", "Salt Lake City", "Utah", "US", "2023", "",
    "Partnership of Salt Lake City School District and the Salt Lake Education Foundation with museums, state STEM bodies, employers and nonprofits to widen equitable STEM access for K-12 students along the Wasatch Front.",
    U1 + ";" + U2)
rel("utah-stem-ecosystem", STEM, "", U1, "selected to join the STEM Learning Ecosystems Community of Practice (announcement undated; same intake as DO STEM)")

U = "http://metroatlantaceo.com/news/2018/06/atlanta-steam-learning-ecosystem-selected-join-global-stem-learning-ecosystems-community-practice/"
org("atlanta-steam-learning-ecosystem", "Atlanta STEAM Learning Ecosystem", "initiative", "stem-education", "metropolitan", "Atlanta", "Georgia", "US", "2018", "",
    "Metro Atlanta cross-sector STEAM learning ecosystem linking schools, afterschool and summer programmes, employers and cultural institutions; admitted to the STEM Learning Ecosystems community of practice in 2018.",
    U)
rel("atlanta-steam-learning-ecosystem", STEM, "2018", U, "selected in June 2018 as one of twelve ecosystems joining the community of practice")

U1 = "https://msoe.edu/about-msoe/news/details/greater-milwaukee-stem-ecosystem-chosen-for-global-stem-ecosystem-initiative"
U2 = "https://stemecosystems.org/ecosystem/greater-milwaukee-stem-ecosystem"
org("greater-milwaukee-stem-ecosystem", "Greater Milwaukee STEM Ecosystem (GM-STEM)", "initiative", "stem-education", "regional", "Milwaukee", "Wisconsin", "US", "2020", "",
    "Seven-county Milwaukee-area STEM ecosystem launched by MSOE with the Milwaukee Tech Hub Coalition, Northwestern Mutual and STEM Forward; its 2020-2022 launch team mapped the region with TIES, and a new convener is sought.",
    U1 + ";" + U2)
rel("greater-milwaukee-stem-ecosystem", STEM, "2020", U1, "selected to join the community of practice when it numbered nearly 90 communities (2020); launch team assembled August 2020 per the network profile")

U = "https://www.capitalregionboces.org/capital-region-selected-for-national-stem-learning-ecosystem/"
org("capital-region-stem-hub", "Capital Region STEM Hub", "network", "stem-education", "regional", "", "New York", "US", "", "",
    "Capital Region hub of the Empire State STEM Learning Network, co-led by the Center for Economic Growth and Capital Region BOCES with employers, colleges and BOCES partners to build business-education STEM partnerships.",
    U)
rel("capital-region-stem-hub", STEM, "2019", U, "selected as one of 15 new ecosystems (total 85), i.e. the spring 2019 cohort")

U1 = "https://www.nj.com/hunterdon-county-democrat/2019/04/hsmc-tri-county-stem-wins-support-to-build-connections.html"
U2 = "https://www.tapinto.net/towns/warren/sections/somerset-county-news/articles/tri-county-group-named-stem-ecosystem-2"
U3 = "https://community.stemecosystems.org/ecosystems/hsmc-tri-county-stem-ecosystem-consortium/"
org("hsmc-tri-county-stem-ecosystem-consortium", "HSMC Tri-County STEM Ecosystem Consortium", "initiative", "stem-education", "regional", "Flemington", "New Jersey", "US", "", "",
    "STEM ecosystem of Hunterdon, Somerset and Mercer counties in New Jersey, convening school superintendents with workforce boards, colleges, businesses and youth organisations; directed by the Flemington-Raritan superintendent.",
    U1 + ";" + U2 + ";" + U3)
rel("hsmc-tri-county-stem-ecosystem-consortium", STEM, "2019", U1, "selected in April 2019 as one of 15 new ecosystems (total 85), the spring 2019 cohort; profile on community.stemecosystems.org")

U1 = "https://stemecosystems.org/ecosystem/nj-stem-pathways-network-statewide/"
U2 = "https://njstempathways.org/ecosystems/"
U3 = "https://njstempathways.org/about/"
org("new-jersey-stem-pathways-network", "New Jersey STEM Pathways Network", "network", "stem-education", "regional", "", "New Jersey", "US", "2014", "https://njstempathways.org/",
    "Statewide public-private STEM alliance set up in 2014 by the New Jersey Office of the Secretary of Higher Education, managed by the Research & Development Council of New Jersey; it oversees the state's regional STEM ecosystems.",
    U1 + ";" + U2 + ";" + U3)
rel("new-jersey-stem-pathways-network", STEM, "", U1, "has a statewide ecosystem profile on the network's site ('New Jersey STEM Pathways Network [New Jersey Statewide]')")

# ---------------- Opportunity Youth Forum ----------------
U1 = "https://oyunited.org/2022/the-native-indigenous-and-tribal-community-of-practice-seeks-to-answer-fundamental-questions-to-address-community-pathways/"
U2 = "https://www.aspeninstitute.org/blog-posts/takeaways-from-the-fall-2023-opportunity-youth-forum-convening/"
org("pueblo-of-jemez", "Pueblo of Jemez", "government", "youth;education;community-development", "rural", "", "New Mexico", "US", "", "",
    "Federally recognised tribe in New Mexico and one of the Native, Indigenous and tribal communities of the Opportunity Youth Forum network; it hosted site visits of the Forum's 2022 fall convening.",
    U1 + ";" + U2)
rel("pueblo-of-jemez", OYF, "", U1, "OYUnited (2022): site visits to the Hopi Tribe and Pueblo of Jemez, tribal communities within the OYF network; Aspen (2023) lists Pueblo of Jemez among convening hosts")

# ---------------- write ----------------
def write(name, cols, rows):
    with open(HERE / name, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=cols)
        w.writeheader()
        w.writerows(rows)

write("organisations.csv", ORG_COLS, orgs)
write("relationships.csv", REL_COLS, rels)

nets = [
    dict(network="STEM Learning Ecosystems", organisation_id=STEM, roster_source="https://stemecosystems.org/faqs/", roster_date="2024", roster_size="111",
         note="111 ecosystems in the community of practice (the FAQ page, 2024; over 120 by 2025). No full list was readable: members come from the cohort announcements (2015 to 2019, 2022, 2023) and the ecosystems' profile pages. A member is an ecosystem admitted to the community of practice. 2.1c adds Atlanta STEAM (2018), Capital Region STEM Hub and HSMC Tri-County (spring 2019), Greater Milwaukee (2020), Utah STEM Ecosystem and Hawai'iloa ecosySTEM Cabinet (both probably after the 111 count of May 2023) and the New Jersey STEM Pathways Network (statewide profile): 91 held."),
    dict(network="Opportunity Youth Forum", organisation_id=OYF, roster_source="https://aspencommunitysolutions.org/opportunity-youth-forum", roster_date="2026-12-07", roster_size="40",
         note="\"Over forty\" collaboratives (the Forum's page); no list of names is published. 2.1c adds the Pueblo of Jemez (a tribal community of the network, 2022): 23 held."),
]
write("networks.csv", NET_COLS, nets)
print(len(orgs), "orgs", len(rels), "links")
