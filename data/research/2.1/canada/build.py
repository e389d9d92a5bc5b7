"""Writes this slice's CSVs (working file of the 2.1 canada slice)."""
import csv
from pathlib import Path

HERE = Path(__file__).parent
C = "2026-12-07"
COLS = ["id","name","name_he","roles","org_type","domains","scope","city","region","country_code",
        "latitude","longitude","year_started","year_ended","network","website","description","source","checked"]
LCOLS = ["source_id","target_id","relation","since","until","source","checked","note"]

TAM = "tamarack-institute"
CBYF = "communities-building-youth-futures"
CS_ALB = "https://www.tamarackcommunity.ca/case-studies/holistic-health-and-wellbeing-in-cbyf-alberni-clayoquot"
CS_EDU = "https://www.tamarackcommunity.ca/case-studies/accessible-education-in-cbyf-portage-la-prairie"
CS_YESS = "https://www.tamarackcommunity.ca/multimedia/yess-evaluation-framework"
JOURNEY = "https://www.tamarackcommunity.ca/articles/the-cbyf-journey-celebrating-impact-and-looking-ahead?hsLang=en"
CS_YK = "https://www.tamarackcommunity.ca/fr-ca/case-studies/identite-et-liens-sociaux-dans-les-cbaj-yellowknife"
UW13 = "https://uwaterloo.ca/centre-peace-advancement/news/tamarack-institute-launches-youth-led-community-change"
BC20 = "https://www.tamarackcommunity.ca/latest/12-members-receive-provincial-funding-for-poverty-reduction?hsLang=en-us"

orgs, links = [], []

def org(id, name, roles, typ, domains, scope, city, region, cc, year, website, desc, source, year_ended=""):
    assert len(desc) <= 240, (id, len(desc))
    orgs.append(dict(id=id, name=name, name_he="", roles=roles, org_type=typ, domains=domains, scope=scope,
                     city=city, region=region, country_code=cc, latitude="", longitude="",
                     year_started=str(year), year_ended=str(year_ended), network="", website=website,
                     description=desc, source=source, checked=C))

def link(s, t, rel, src, note, since="", until=""):
    links.append(dict(source_id=s, target_id=t, relation=rel, since=str(since), until=str(until),
                      source=src, checked=C, note=note))

# ---------------- Vibrant Communities / Cities Reducing Poverty: new rows ----------------
org("poverty-reduction-initiative-kingston", "Poverty Reduction Initiative (Kingston)", "operating", "initiative",
    "community-development;housing;employment;health;education", "metropolitan", "Kingston", "Ontario", "CA", 2011, "",
    "Multi-sector poverty reduction collaborative in Kingston, Ontario, coordinated through United Way and the City of Kingston since 2011, with working groups on five focus areas; a Cities Reducing Poverty member.",
    "http://vibrantcanada.ca/user/746;http://vibrantcanada.ca/blogs/kingston/poverty-reduction-forum-kingston")
link("poverty-reduction-initiative-kingston", TAM, "member_of", "http://vibrantcanada.ca/user/746",
     "member profile in the Cities Reducing Poverty national directory")
link("united-way-of-kingston-frontenac-lennox-addington", "poverty-reduction-initiative-kingston", "backbone_of",
     "http://vibrantcanada.ca/user/746", "the collaborative is coordinated through the United Way together with the City of Kingston")

org("city-of-toronto", "City of Toronto", "operating", "government", "community-development;housing;food-systems;employment",
    "metropolitan", "Toronto", "Ontario", "CA", 2014, "https://www.toronto.ca/",
    "Municipal government leading TO Prosperity, Toronto's 20-year poverty reduction strategy developed with communities from 2014 and approved in 2015; a Vibrant Communities member since 2014.",
    "http://vibrantcanada.ca/users/toronto;https://www.toronto.ca/city-government/accountability-operations-customer-service/long-term-vision-plans-and-strategies/poverty-reduction-strategy/")
link("city-of-toronto", TAM, "member_of", "http://vibrantcanada.ca/users/toronto",
     "municipally led member of Vibrant Communities since 2014 (TO Prosperity)", since=2014)

org("central-alberta-poverty-reduction-alliance", "Central Alberta Poverty Reduction Alliance", "operating", "initiative",
    "community-development;employment;food-systems", "regional", "Red Deer", "Alberta", "CA", 2013, "https://capovertyreduction.ca/",
    "Alliance of some 45 members in Red Deer and Central Alberta that describes itself as a collective impact effort on poverty, with action committees on living wage, transport, literacy and food; joined Vibrant Communities in 2013.",
    "https://capovertyreduction.ca/act/faq/;http://vibrantcanada.ca/users/capra;https://reddeerexpress.com/news/central-alberta-joins-canadian-cities-reducing-poverty-%e2%80%a8")
link("central-alberta-poverty-reduction-alliance", TAM, "member_of",
     "https://reddeerexpress.com/news/central-alberta-joins-canadian-cities-reducing-poverty-%e2%80%a8",
     "CAPRA launched Red Deer as a member of Vibrant Communities Canada: Cities Reducing Poverty (Jan 2013)", since=2013)

org("region-of-waterloo", "Region of Waterloo", "operating", "government", "community-development;housing",
    "regional", "", "Ontario", "CA", 2012, "https://www.regionofwaterloo.ca/",
    "Regional municipality in Ontario whose Comprehensive Approach to Poverty Reduction, approved in December 2012, aims to maximise the Region's collective impact on poverty; a Cities Reducing Poverty member.",
    "http://vibrantcanada.ca/users/region-waterloo;http://seeourprogress.regionofwaterloo.ca/healthy-and-inclusive-communities/4-1-1.html")
link("region-of-waterloo", TAM, "member_of", "http://vibrantcanada.ca/users/region-waterloo",
     "member profile in the Cities Reducing Poverty national directory")

org("niagara-prosperity-initiative", "Niagara Prosperity Initiative", "operating;funding", "initiative",
    "community-development;housing", "regional", "", "Ontario", "CA", 2008,
    "https://www.niagararegion.ca/social-services/niagara-prosperity-initiative/background.aspx",
    "Poverty reduction initiative set up by Niagara Region in 2008, investing $1.5 million a year in place-based projects and cross-sector partnerships; Niagara Region's Cities Reducing Poverty collaborative.",
    "http://vibrantcanada.ca/users/niagara-region;https://www.niagararegion.ca/social-services/niagara-prosperity-initiative/background.aspx")
link("niagara-prosperity-initiative", TAM, "member_of", "http://vibrantcanada.ca/users/niagara-region",
     "Niagara Region's member profile names the Niagara Prosperity Initiative as its collaborative")

org("vibrant-abbotsford", "Vibrant Abbotsford", "operating", "initiative", "community-development;employment;food-systems;youth",
    "metropolitan", "Abbotsford", "British Columbia", "CA", 2006, "http://vibrantabbotsford.ca/",
    "Multi-sector collaboration in Abbotsford, BC, formed in 2006 on the Vibrant Communities model to draft a poverty reduction strategy and work on living wage, financial literacy and food security.",
    "http://vibrantcanada.ca/user/747;http://vibrantabbotsford.ca/blog/poverty-reduction-strategy/economic-social-and-civic-opportunities-all")
link("vibrant-abbotsford", TAM, "member_of", "http://vibrantcanada.ca/user/747",
     "member profile in the Cities Reducing Poverty national directory")

org("surrey-poverty-reduction-coalition", "Surrey Poverty Reduction Coalition", "operating", "initiative",
    "community-development;housing;employment", "metropolitan", "Surrey", "British Columbia", "CA", 2012, "",
    "Cross-sector coalition that emerged in 2012 from Vibrant Surrey, a long-time Vibrant Communities member, to carry out the Surrey Poverty Reduction Plan adopted by the City of Surrey in 2012.",
    "http://vibrantcanada.ca/users/surrey")
link("surrey-poverty-reduction-coalition", TAM, "member_of", "http://vibrantcanada.ca/users/surrey",
     "Surrey profile: member of Vibrant Communities since 2012; the coalition succeeded Vibrant Surrey", since=2012)

org("action-to-end-poverty-grande-prairie", "Action to End Poverty in Grande Prairie", "operating", "initiative",
    "community-development;housing;employment;education", "metropolitan", "Grande Prairie", "Alberta", "CA", 2012, "",
    "Community collaborative formed in Grande Prairie, Alberta, in 2012 after a Tamarack session, working on local poverty data, service coordination and advocacy; the city joined Vibrant Communities Canada in 2013.",
    "http://vibrantcanada.ca/users/grande-prairie;https://www.dailyheraldtribune.com/2013/05/01/grande-prairie-a-vibrant-community")
link("action-to-end-poverty-grande-prairie", TAM, "member_of", "http://vibrantcanada.ca/users/grande-prairie",
     "Grande Prairie Poverty Reduction Roundtable profile names this collaborative; membership granted May 2013", since=2013)

org("poverty-roundtable-hpe", "Poverty Roundtable HPE", "operating", "initiative", "community-development;housing;food-systems",
    "regional", "", "Ontario", "CA", 2013, "https://povertyroundtablehpe.ca/",
    "Multi-sector roundtable formed in 2013 to reduce poverty in Hastings and Prince Edward counties, Ontario, with lived-experience voices and working groups; joined Cities Reducing Poverty in 2017 and disbanded in 2020.",
    "https://povertyroundtablehpe.ca/;http://povertyroundtablehpe.ca/resources-events/", year_ended=2020)
link("poverty-roundtable-hpe", TAM, "member_of", "http://povertyroundtablehpe.ca/resources-events/",
     "the Roundtable joined the Cities Reducing Poverty network (Nov 2017); it disbanded in Nov 2020", since=2017, until=2020)

org("no-place-for-poverty", "No Place for Poverty", "operating", "network", "community-development;housing;employment",
    "regional", "Yellowknife", "Northwest Territories", "CA", 2009, "",
    "Coalition of some 31 non-profit, municipal, Indigenous-government and union members founded in 2009 in the Northwest Territories; it worked with the territory on its anti-poverty strategy and a Yellowknife living wage.",
    "http://vibrantcanada.ca/user/967")
link("no-place-for-poverty", TAM, "member_of", "http://vibrantcanada.ca/user/967",
     "Yellowknife member profile in the Cities Reducing Poverty national directory")

org("united-way-of-central-iowa", "United Way of Central Iowa", "operating;funding", "funder",
    "community-development;employment;housing;food-systems", "metropolitan", "Des Moines", "Iowa", "US", 2014,
    "https://www.unitedwaydm.org/",
    "United Way in Des Moines that calls itself a collective impact organization; since June 2014 it has convened the OpportUNITY plan to reduce poverty in Polk, Dallas and Warren counties; a Cities Reducing Poverty member.",
    "http://vibrantcanada.ca/users/iowa;https://www.tamarackcommunity.ca/latest/opportunity-central-iowa-reports-reduction-poverty;https://www.unitedwaydm.org/blog/opportunity")
link("united-way-of-central-iowa", TAM, "member_of",
     "https://www.tamarackcommunity.ca/latest/opportunity-central-iowa-reports-reduction-poverty",
     "Tamarack: United Way of Central Iowa is a member of the Vibrant Communities Cities Reducing Poverty network")

org("city-of-moncton", "City of Moncton", "operating", "government", "community-development;housing",
    "metropolitan", "Moncton", "New Brunswick", "CA", 2016, "https://www.moncton.ca/",
    "Municipal government in New Brunswick that leads community efforts against poverty and exclusion through its Social Inclusion Plan (2016, under review); a Cities Reducing Poverty member.",
    "http://vibrantcanada.ca/users/moncton;https://letschatmoncton.ca/social-inclusion-plan-update;https://www.moncton.ca/guides-moncton/social-inclusion")
link("city-of-moncton", TAM, "member_of", "http://vibrantcanada.ca/users/moncton",
     "member profile (Community Development Officer for Social Inclusion, City of Moncton)")

org("ottawa-poverty-reduction-network", "Ottawa Poverty Reduction Network", "operating", "network", "community-development",
    "metropolitan", "Ottawa", "Ontario", "CA", 2008, "",
    "Community network in Ottawa that initiated the city's Poverty Reduction Strategy, approved by City Council in December 2008, and continues to advance the poverty reduction agenda; a Cities Reducing Poverty member.",
    "http://vibrantcanada.ca/users/ottawa-poverty-reduction-network")
link("ottawa-poverty-reduction-network", TAM, "member_of", "http://vibrantcanada.ca/users/ottawa-poverty-reduction-network",
     "member profile in the Cities Reducing Poverty national directory")

org("leeds-grenville-poverty-reduction-alliance", "Leeds Grenville Poverty Reduction Alliance", "operating", "initiative",
    "community-development;employment", "regional", "", "Ontario", "CA", 2013, "",
    "Alliance formed in 2013 by the United Counties of Leeds and Grenville, the health unit and United Way, working to a common agenda and shared measurement on poverty; a Vibrant Communities Canada member.",
    "http://vibrantcanada.ca/users/leeds-grenville;https://everykid.on.ca/poverty/")
link("leeds-grenville-poverty-reduction-alliance", TAM, "member_of", "http://vibrantcanada.ca/users/leeds-grenville",
     "profile says the Alliance became a member of Vibrant Communities Canada")

org("sault-ste-marie-poverty-round-table", "Sault Ste. Marie Poverty Round Table", "operating", "initiative", "community-development;health",
    "metropolitan", "Sault Ste. Marie", "Ontario", "CA", 2015, "",
    "Round table initiated in January 2015, co-chaired by United Way, Algoma Public Health and Algoma University's NORDIK Institute, to plan local action on low income; Sault Ste. Marie's Cities Reducing Poverty collaborative.",
    "http://vibrantcanada.ca/users/sault-ste-marie")
link("sault-ste-marie-poverty-round-table", TAM, "member_of", "http://vibrantcanada.ca/users/sault-ste-marie",
     "United Way of Sault Ste. Marie's member profile names the Poverty Round Table as its collaborative")


org("county-of-simcoe", "County of Simcoe", "operating", "government", "community-development;housing",
    "regional", "", "Ontario", "CA", 2015, "",
    "Upper-tier municipality in Ontario that supports a community-led poverty reduction collaborative and began a comprehensive poverty reduction strategy with community engagement in October 2015; a Cities Reducing Poverty member.",
    "http://vibrantcanada.ca/users/simcoe-county")
link("county-of-simcoe", TAM, "member_of", "http://vibrantcanada.ca/users/simcoe-county",
     "member profile (Manager Social Policy and Planning, County of Simcoe)")

org("city-of-vancouver", "City of Vancouver", "operating", "government", "community-development",
    "metropolitan", "Vancouver", "British Columbia", "CA", 2019, "",
    "Municipal government named by Tamarack in July 2019 as a Cities Reducing Poverty member, in a post on city resilience strategies.",
    "https://www.tamarackcommunity.ca/latest/page/60")
link("city-of-vancouver", TAM, "member_of", "https://www.tamarackcommunity.ca/latest/page/60",
     "Tamarack post (July 2019): Vancouver is another Cities Reducing Poverty member")

# BC municipal members (Tamarack, June 2020)
bc = [
 ("city-of-cranbrook", "City of Cranbrook", "Cranbrook", "metropolitan", "to develop, with the Regional District of East Kootenay, the region's first poverty reduction strategy"),
 ("city-of-grand-forks", "City of Grand Forks", "Grand Forks", "rural", "to develop, with Greenwood and Midway via the regional district, the area's first poverty reduction strategy"),
 ("district-of-mission", "District of Mission", "Mission", "metropolitan", "to update its social development plan with a Game Changer approach tied to its poverty reduction plan"),
 ("city-of-nelson", "City of Nelson", "Nelson", "metropolitan", "to develop the city's first poverty reduction plan"),
 ("city-of-new-westminster", "City of New Westminster", "New Westminster", "metropolitan", "for tax-filing and income supports and an arts project against poverty stigma"),
 ("district-of-port-hardy", "District of Port Hardy", "Port Hardy", "rural", "to develop its first poverty reduction plan alongside its community plan renewal"),
 ("city-of-powell-river", "City of Powell River", "Powell River", "rural", "with qathet Regional District and Tla'amin Nation, for a regional poverty reduction plan"),
]
for id, name, city, scope, what in bc:
    desc = f"BC local government and Cities Reducing Poverty member; in 2020 it received provincial funding {what}."
    if len(desc) > 240:
        desc = f"BC local government and Cities Reducing Poverty member, funded by the province in 2020 {what}."
    src = BC20
    if id == "city-of-powell-river":
        src = BC20 + ";https://www.prpeak.com/news/powell-river-to-consider-poverty-reduction-plan-application-1.24053755"
    org(id, name, "operating", "government", "community-development", scope, city, "British Columbia", "CA", 2020, "", desc, src)
    link(id, TAM, "member_of", BC20, "one of 14 BC Cities Reducing Poverty members funded in 2020")

# existing rows: member_of links
link("halton-poverty-roundtable", TAM, "member_of", "http://haltonpovertyroundtable.com/?page_id=63",
     "HPRT says it is part of Tamarack's Cities Reducing Poverty movement")
link("endpovertyedmonton", TAM, "member_of", "http://vibrantcanada.ca/users/edmonton",
     "Edmonton member profile names End Poverty Edmonton as the collaborative")
link("saskatoon-poverty-reduction-partnership", TAM, "member_of", "http://vibrantcanada.ca/users/saskatoon",
     "member profile in the Cities Reducing Poverty national directory")
link("thunder-bay-poverty-reduction-strategy", TAM, "member_of", "http://vibrantcanada.ca/users/thunder-bay",
     "profile: the Thunder Bay and District Poverty Reduction Strategy Committee is a Vibrant Communities member")
link("vibrant-communities-st-john-s", TAM, "member_of",
     "https://maytree.com/publications/vibrant-communities-st-johns-engaging-citizens-and-changing-systems/",
     "2008 Vibrant Communities story on the St. John's site")
link("hamilton-roundtable-for-poverty-reduction", TAM, "member_of",
     "http://lin.ca/success-stories/hamilton-roundtable-poverty-reduction-access-recreation-low-income-families",
     "lists Vibrant Communities, McConnell and Caledon among the roundtable's supporters (Vibrant Communities site)")

# ---------------- Communities Building Youth Futures ----------------
def cbyf(id, name, city, region, scope, year, desc, source, linksrc, note):
    org(id, name, "operating", "initiative", "youth;education;employment", scope, city, region, "CA", year, "", desc, source)
    link(id, CBYF, "member_of", linksrc, note)

cbyf("cbyf-alberni-clayoquot", "CBYF Alberni-Clayoquot", "", "British Columbia", "regional", "",
     "Communities Building Youth Futures collaborative in BC's Alberni-Clayoquot region, one of Tamarack's 20 first-cohort communities using collective impact with youth on school, work and wellbeing.",
     CS_ALB + ";" + JOURNEY, CS_ALB, "CBYF Alberni-Clayoquot Region youth leader narrates the case study")
cbyf("cbyf-yellowknife", "CBYF Yellowknife", "Yellowknife", "Northwest Territories", "metropolitan", "",
     "Communities Building Youth Futures collaborative in Yellowknife (YK Prep Connect, Youth of Yellowknife campaign); in the first CBYF cohort and the 2025 youth employment cohort.",
     CS_EDU + ";" + CS_YESS + ";https://cabinradio.ca/54316/news/yellowknife/its-not-a-simple-path-youth-council-wants-to-transform-yk/", CS_ALB, "named among CBYF communities in Tamarack's case study")
cbyf("cbyf-digby", "CBYF Digby", "Digby", "Nova Scotia", "rural", "",
     "Communities Building Youth Futures collaborative in Digby, Nova Scotia, whose youth-centred collective impact work includes an alternative high school.",
     CS_EDU + ";" + JOURNEY, CS_EDU, "Digby's Alternative High School described in Tamarack's CBYF case study")
cbyf("future-north", "Future North", "Sudbury", "Ontario", "regional", 2020,
     "Youth network co-developed with young people in the Sudbury and Manitoulin districts as the local Communities Building Youth Futures initiative, one of its first 13 communities; in the 2025 cohort too.",
     "https://northernontario.ctvnews.ca/future-north-launches-as-new-initiative-to-engage-with-regional-youth-1.5591631;" + UW13 + ";" + CS_YESS,
     "https://northernontario.ctvnews.ca/future-north-launches-as-new-initiative-to-engage-with-regional-youth-1.5591631",
     "five-year initiative funded through Tamarack's Communities Building Youth Futures")
cbyf("cbyf-yukon", "CBYF Yukon", "", "Yukon", "regional", 2020,
     "Yukon Youth Partnership Table of youth organizations, First Nations and government offices running Communities Building Youth Futures, one of the first 13 communities (2020); in the 2025 cohort too.",
     "https://www.ycao.ca/post/yukon-youth-organizations-are-excited-to-share-their-partnership-with-the-cbyf-initiative;" + CS_YESS,
     "https://www.ycao.ca/post/yukon-youth-organizations-are-excited-to-share-their-partnership-with-the-cbyf-initiative",
     "August 2020: the Yukon is one of 13 CBYF communities")
cbyf("cbyf-chippewas-of-the-thames-first-nation", "CBYF Chippewas of the Thames First Nation", "", "Ontario", "rural", "",
     "Communities Building Youth Futures collaborative of the Chippewas of the Thames First Nation, Ontario, one of Tamarack's 20 first-cohort communities working with youth on education and employment.",
     CS_ALB + ";" + JOURNEY, CS_ALB, "named among CBYF communities in Tamarack's case study")
cbyf("cbyf-prince-albert", "CBYF Prince Albert", "Prince Albert", "Saskatchewan", "metropolitan", 2020,
     "Communities Building Youth Futures project in Prince Albert run from the Bernice Sayese Centre with local coalitions, one of the first 13 CBYF communities, lifting youth voice on education and jobs.",
     "https://panow.com/2021/02/17/new-project-hopes-to-boost-voices-of-p-a-youth/;" + UW13,
     "https://panow.com/2021/02/17/new-project-hopes-to-boost-voices-of-p-a-youth/",
     "Prince Albert is one of 13 CBYF communities; supported by Tamarack")
cbyf("cbyf-corner-brook", "CBYF Corner Brook", "Corner Brook", "Newfoundland and Labrador", "metropolitan", "",
     "Communities Building Youth Futures collaborative for Corner Brook and the Bay of Islands, Newfoundland, with a leadership table and youth connection grants; one of the first-cohort communities.",
     CS_ALB + ";https://bayfm.ca/news/local-news/an-outdoor-youth-vendor-market-will-take-place-in-corner-brook-this-weekend",
     CS_ALB, "named among CBYF communities in Tamarack's case study")
cbyf("cbyf-chilliwack", "Chilliwack Building Youth Futures", "Chilliwack", "British Columbia", "metropolitan", 2022,
     "Chilliwack's Communities Building Youth Futures collaborative for youth aged 15-29, with an indoor hangout and a school attendance incentive program; supported by the City in 2022.",
     CS_EDU + ";https://fraservalleynewsnetwork.com/2022/06/14/chilliwack-building-youth-futures-indoor-hangout-at-landing-sports-centre-receives-city-support/",
     CS_EDU, "Chilliwack's Attendance Incentive Program described in Tamarack's CBYF case study")
cbyf("cbyf-grande-prairie", "CBYF Grande Prairie", "Grande Prairie", "Alberta", "metropolitan", "",
     "Communities Building Youth Futures collective in Grande Prairie, Alberta, with youth-led action teams on education, training and employment; in the first CBYF cohort and the 2025 cohort.",
     "https://volunteergrandeprairie.com/?p=4356;" + CS_ALB + ";" + CS_YESS, CS_ALB,
     "named among CBYF communities in Tamarack's case study")
cbyf("cbyf-kahnawake", "CBYF Kahnawà:ke", "Kahnawake", "Quebec", "rural", "",
     "Communities Building Youth Futures collaborative in the Mohawk community of Kahnawà:ke, Quebec, with youth projects on traditional food practices, performance art and a COP26 delegation.",
     CS_EDU + ";" + JOURNEY, CS_EDU, "Kahnawà:ke's project described in Tamarack's CBYF case study")
cbyf("cbyf-laval", "Communauté bâtissant l'avenir avec les jeunes (Laval)", "Laval", "Quebec", "metropolitan", 2020,
     "Laval's Communities Building Youth Futures effort (CBAJ), led by the Regroupement lavallois pour la réussite éducative with 13 partners, funding youth-engaged projects on school and work since the pandemic.",
     "https://www.lechodelaval.ca/actualites/societe/457110/plus-de-40-000$-pour-des-projets-visant-la-reussite-educative-des-lavalloises-de-14-a-30-ans;" + CS_ALB,
     CS_ALB, "named among CBYF communities in Tamarack's case study")
cbyf("cbyf-saint-leonard", "CBAJ Saint-Léonard", "Montreal", "Quebec", "metropolitan", "",
     "Communities Building Youth Futures (CBAJ) community in Montreal's Saint-Léonard borough, named in Tamarack's case studies of the first CBYF cohort.",
     CS_YK, CS_YK, "Saint-Léonard named among CBAJ/CBYF communities in Tamarack's case study")
cbyf("cbyf-moncton", "CBYF Moncton", "Moncton", "New Brunswick", "metropolitan", 2025,
     "Moncton community of Communities Building Youth Futures, one of six in the youth employment cohort that Tamarack started in 2025 to test youth-centred solutions over three years.",
     CS_YESS, CS_YESS, "one of six communities in the CBYF cohort starting in 2025")
link("chatham-kent-prosperity-roundtable", CBYF, "member_of",
     "https://www.tamarackcommunity.ca/latest/announcing-the-2020/21-cbyf-community-innovation-fund-recipients",
     "its Coop project in Chatham-Kent received CBYF Community Innovation Fund support for member communities")

with open(HERE / "organisations.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=COLS); w.writeheader(); w.writerows(orgs)
with open(HERE / "relationships.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=LCOLS); w.writeheader(); w.writerows(links)

nets = [
 dict(network="Vibrant Communities", organisation_id=TAM,
      roster_source="http://vibrantcanada.ca/blogs/kirsti-battista/meet-members-cities-reducing-poverty-national-directory-now-online",
      roster_date="2017-09-14", roster_size="57",
      note="Cities Reducing Poverty national directory (57 local members, Sept 2017; 60+ by Dec 2017); the directory is a set of member profile pages (vibrantcanada.ca/users/...), not one list, so members were counted from the profiles and Tamarack member pages found; see notes.md"),
 dict(network="Communities Building Youth Futures", organisation_id=CBYF,
      roster_source=CS_ALB, roster_date="2026-12-07", roster_size="20",
      note="undated; read 2026-12-07. First cohort of 20 communities (2019-2024); the English page names 15 of them and the French Yellowknife case study adds Saint-Léonard (16 named); a 2025 youth employment cohort of 6 (Yellowknife, Grande Prairie, Sudbury, Chatham-Kent, Moncton, Yukon) adds Moncton"),
]
with open(HERE / "networks.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=list(nets[0])); w.writeheader(); w.writerows(nets)
print(len(orgs), "rows", len(links), "links")
