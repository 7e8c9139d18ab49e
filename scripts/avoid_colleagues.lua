-- avoid_colleagues.lua -- never introduce people who already work together.
--
-- Vetoes a pair when both name the same organization (compared without
-- case, "#" and legal forms such as GmbH or e.V.) or
-- when both e-mail addresses have the same domain.  Placeholders such as
-- "Freelancer" are no organization, and free-mail domains such as
-- gmail.com are nobody's employer.

local company_field, email_field

local placeholder = {}
for _, c in ipairs({ "freelancer", "freiberuflich", "freiberufler",
    "selbstständig", "selbständig", "self-employed", "selfemployed",
    "student", "studentin", "privat", "private", "none", "keine", "n/a",
    "na", "-", "--", "?" }) do
  placeholder[c] = true
end

local free_mail = {}
for _, d in ipairs({ "gmail.com", "googlemail.com", "gmx.de", "gmx.net",
    "gmx.at", "gmx.ch", "web.de", "t-online.de", "freenet.de", "posteo.de",
    "mailbox.org", "outlook.com", "outlook.de", "hotmail.com", "hotmail.de",
    "live.com", "live.de", "msn.com", "yahoo.com", "yahoo.de", "icloud.com",
    "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com",
    "tutanota.com", "tuta.io", "fastmail.com", "zoho.com", "yandex.com",
    "mail.ru", "arcor.de", "online.de", "email.de" }) do
  free_mail[d] = true
end

-- Legal forms dropped from the end of a name: "Datenwerk GmbH" is
-- "Datenwerk".
local legal = { "gmbh & co. kg", "gmbh & co kg", "ggmbh", "gmbh", "mbh",
  "ag", "kg", "ug", "gbr", "e.v.", "ev", "e. v.", "se", "inc.", "inc",
  "ltd.", "ltd", "llc", "plc", "s.a.", "sa", "sarl", "bv", "b.v." }

local function split(list, into)
  for item in list:gmatch("[^,]+") do
    item = mingle.normalize(item)
    if item ~= "" then into[item] = true end
  end
end

local function organization(name)
  if name == nil then return nil end
  local n = mingle.normalize(name)
  if placeholder[n] then return nil end
  for _, form in ipairs(legal) do
    if #n > #form + 1 and n:sub(-#form - 1) == " " .. form then
      n = n:sub(1, -#form - 2):gsub("[%s,]+$", "")
      break
    end
  end
  if n == "" or placeholder[n] then return nil end
  return n
end

local function domain(address)
  if type(address) ~= "string" then return nil end
  local d = address:match("@([^@%s]+)%s*$")
  if d == nil then return nil end
  d = d:lower()
  if free_mail[d] then return nil end
  return d
end

-- Per attendee view: the normalized organization and the domain.
local org, dom = {}, {}

return {
  name = "avoid colleagues",
  version = "1.0",
  symmetric = true,

  options = {
    company = { default = "company",
      doc = "the field with the organization; empty: none" },
    email = { doc = "the field with the e-mail address (default: the id)" },
    ignore_companies = { doc = "more placeholders, comma-separated" },
    ignore_domains = { doc = "more free-mail domains, comma-separated" },
  },

  init = function(options)
    company_field = options.company ~= "" and options.company or nil
    email_field = options.email ~= "" and options.email or nil
    split(options.ignore_companies or "", placeholder)
    split(options.ignore_domains or "", free_mail)
  end,

  prepare = function(attendees)
    for _, a in ipairs(attendees) do
      if company_field then org[a] = organization(a[company_field]) end
      dom[a] = domain(email_field and a[email_field] or a.id)
    end
  end,

  -- No score, so 0 at most: mingle asks only about likely partners.
  max_score = 0,

  veto = function(a, b, explain)
    if org[a] ~= nil and org[a] == org[b] then
      return true, explain and "both work at " .. a[company_field] or nil
    end
    if dom[a] ~= nil and dom[a] == dom[b] then
      return true, explain and "both have e-mail addresses at " .. dom[a] or nil
    end
    return false
  end,
}
