import localFont from "next/font/local";

// Inter from the npm package, served by the app itself: no font is fetched from the internet.
// One declaration for both routers' frames (src/app/layout.tsx, src/pages/_app.tsx).
export const inter = localFont({
  src: "../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  weight: "100 900",
  display: "swap",
});
