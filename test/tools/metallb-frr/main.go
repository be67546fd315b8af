// Command metallb-frr executes MetalLB's FRR-mode templates (internal/bgp/frr/templates/*.tmpl,
// read from the folder given as its argument, never copied here) with Go's own text/template, on
// a configuration read as JSON from stdin, and prints the frr.conf MetalLB would write.
//
// The data types and template functions below mirror MetalLB's internal/bgp/frr/config.go
// (github.com/metallb/metallb, commit 7938d3f89, Apache-2.0): the fields the templates read and
// the functions they call (counter, dict, activateNeighborFor, mustDisableConnectedCheck, …).
// What MetalLB computes in createConfig (frr.go) before templating (the routers, neighbors and
// prefix lists, sorted) is the input. JSON field names match case-insensitively, so fabric's
// speaker model (camelCase) decodes straight into these types.
//
// Used by test/integration/metallb-speaker.test.ts: run as `go run main.go TEMPLATES < in.json`.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"text/template"
)

// Family is MetalLB's ipfamily.Family.
type Family string

const (
	IPv4      Family = "ipv4"
	IPv6      Family = "ipv6"
	DualStack Family = "dual"
)

func (f Family) String() string { return string(f) }

type frrConfig struct {
	Loglevel    string
	Hostname    string
	Routers     []*routerConfig
	BFDProfiles []BFDProfile
	ExtraConfig string
}

type routerConfig struct {
	MyASN        uint32
	RouterID     string
	Neighbors    []*neighborConfig
	VRF          string
	IPV4Prefixes []string
	IPV6Prefixes []string
}

type BFDProfile struct {
	Name             string
	ReceiveInterval  *uint32
	TransmitInterval *uint32
	DetectMultiplier *uint32
	EchoInterval     *uint32
	EchoMode         bool
	PassiveMode      bool
	MinimumTTL       *uint32
}

type neighborConfig struct {
	IPFamily                 Family
	Name                     string
	ASN                      string
	Addr                     string
	Iface                    string
	SrcAddr                  string
	Port                     uint16
	HoldTime                 *int64
	KeepaliveTime            *int64
	ConnectTime              int64
	Password                 string
	BFDProfile               string
	GracefulRestart          bool
	EBGPMultiHop             bool
	LocalASN                 uint32
	VRFName                  string
	PrefixesV4               []string
	PrefixesV6               []string
	CommunityPrefixModifiers map[string]CommunityPrefixList
	LocalPrefPrefixModifiers map[string]LocalPrefPrefixList
}

func (n *neighborConfig) ID() string {
	id := n.Addr
	if n.Iface != "" {
		id = n.Iface
	}
	vrf := ""
	if n.VRFName != "" {
		vrf = "-" + n.VRFName
	}
	return id + vrf
}

func (n *neighborConfig) CommunityPrefixLists() []CommunityPrefixList {
	return sortMap(n.CommunityPrefixModifiers)
}

func (n *neighborConfig) LocalPrefPrefixLists() []LocalPrefPrefixList {
	return sortMap(n.LocalPrefPrefixModifiers)
}

func (n *neighborConfig) ToAdvertisePrefixListV4() string {
	return fmt.Sprintf("%s-allowed-%s", n.ID(), "ipv4")
}

func (n *neighborConfig) ToAdvertisePrefixListV6() string {
	return fmt.Sprintf("%s-allowed-%s", n.ID(), "ipv6")
}

type PropertyPrefixList struct {
	Name     string
	IPFamily string
	Prefixes []string
}

// CommunityPrefixList: MetalLB's holds a community.BGPCommunity; its text and whether it is a
// large community are all SetStatement reads of it.
type CommunityPrefixList struct {
	PropertyPrefixList
	Community string
	Large     bool
}

func (c CommunityPrefixList) SetStatement() string {
	if c.Large {
		return fmt.Sprintf("set large-community %s additive", c.Community)
	}
	return fmt.Sprintf("set community %s additive", c.Community)
}

type LocalPrefPrefixList struct {
	PropertyPrefixList
	LocalPreference uint32
}

func (l LocalPrefPrefixList) SetStatement() string {
	return fmt.Sprintf("set local-preference %d", l.LocalPreference)
}

func sortMap[T any](m map[string]T) []T {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]T, 0, len(m))
	for _, k := range keys {
		out = append(out, m[k])
	}
	return out
}

func templateConfig(dir string, data interface{}) (string, error) {
	counterMap := map[string]int{}
	t, err := template.New("frr.tmpl").Funcs(
		template.FuncMap{
			"counter": func(counterName string) int {
				counter := counterMap[counterName]
				counter++
				counterMap[counterName] = counter
				return counter
			},
			"frrIPFamily": func(ipFamily Family) string {
				if ipFamily == "ipv6" {
					return "ipv6"
				}
				return "ip"
			},
			"activateNeighborFor": func(ipFamily string, neighbourFamily Family) bool {
				return neighbourFamily.String() == ipFamily || neighbourFamily == DualStack
			},
			"allowedPrefixList": func(neighbor *neighborConfig, ipFamily string) string {
				return fmt.Sprintf("%s-pl-%s", neighbor.ID(), ipFamily)
			},
			"mustDisableConnectedCheck": func(ipFamily Family, myASN uint32, asn, iface string, eBGPMultiHop bool) bool {
				if ipFamily != IPv6 {
					return false
				}
				if eBGPMultiHop {
					return false
				}
				if iface != "" {
					return true
				}
				if asn == "internal" {
					return false
				}
				if asn == "external" {
					return true
				}
				if strconv.FormatUint(uint64(myASN), 10) != asn {
					return true
				}
				return false
			},
			"dict": func(values ...interface{}) (map[string]interface{}, error) {
				if len(values)%2 != 0 {
					return nil, errors.New("invalid dict call, expecting even number of args")
				}
				dict := make(map[string]interface{}, len(values)/2)
				for i := 0; i < len(values); i += 2 {
					key, ok := values[i].(string)
					if !ok {
						return nil, fmt.Errorf("dict keys must be strings, got %v %T", values[i], values[i])
					}
					dict[key] = values[i+1]
				}
				return dict, nil
			},
		}).ParseGlob(filepath.Join(dir, "*.tmpl"))
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	err = t.Execute(&b, data)
	return b.String(), err
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: metallb-frr TEMPLATES_DIR < config.json")
		os.Exit(2)
	}
	var config frrConfig
	dec := json.NewDecoder(os.Stdin)
	if err := dec.Decode(&config); err != nil {
		fmt.Fprintln(os.Stderr, "metallb-frr: reading the configuration:", err)
		os.Exit(1)
	}
	out, err := templateConfig(os.Args[1], &config)
	if err != nil {
		fmt.Fprintln(os.Stderr, "metallb-frr:", err)
		os.Exit(1)
	}
	os.Stdout.WriteString(out)
}
